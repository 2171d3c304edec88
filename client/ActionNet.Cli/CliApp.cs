using System.CommandLine;
using ActionNet.Cli.Commands;
using ActionNet.Cli.Output;

namespace ActionNet.Cli;

/// <summary>The <c>actionnet</c> command line: builds the command tree and turns every failure into one line on stderr.</summary>
public static class CliApp
{
    /// <summary>Runs the CLI; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("ActionNet Cluster: NVIDIA ActionRecognitionNet on camera feeds, single videos and datasets.")
        {
            ModelsCommand.Create(),
            ClassifyCommand.Create(),
            DetectCommand.Create(),
            DatasetCommand.Create(),
            EvalCommand.Create(),
            BenchCommand.Create(),
            DemoCommand.Create(),
            CamerasCommand.Create(),
            HistoryCommand.Create(),
            WatchCommand.Create(),
            AlertsCommand.Create(),
            ClusterCommand.Create(),
            KeysCommand.Create(),
        };

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;

        // SIGTERM (a service manager, `timeout`, `kill`) must stop what the demo started just as Ctrl-C does.
        using var onTerminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });
        try
        {
            var parse = root.Parse(args);
            if (args.Length == 0)
            {
                parse = root.Parse(["--help"]);
            }
            else if (parse.Errors.Count > 0)
            {
                // Same contract as every other failure: one line, exit code 2, usage only on request.
                Console.Error.WriteLine($"error: {ParseErrorText.Explain(parse.Errors[0].Message)} (add --help for usage)");
                return CliErrors.InputError;
            }

            var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(invocation, cancellation.Token);
        }
        catch (Exception ex)
        {
            return CliErrors.Report(ex);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
