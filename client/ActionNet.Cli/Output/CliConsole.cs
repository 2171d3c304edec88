using Spectre.Console;

namespace ActionNet.Cli.Output;

/// <summary>
/// The CLI's two consoles: results (tables, labels) go to stdout; progress bars and notes go to
/// stderr so that <c>--json</c> output stays clean for scripts.
/// </summary>
public static class CliConsole
{
    /// <summary>Where results are written (stdout).</summary>
    public static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    /// <summary>Where progress and notes are written (stderr).</summary>
    public static IAnsiConsole Status { get; } = Create(Console.Error, Console.IsErrorRedirected);

    // Redirected output has no width to detect; Spectre would wrap tables at 80 columns, so files and
    // pipes get a wide fixed width instead.
    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = 200;
        }

        return console;
    }

    /// <summary>
    /// Runs <paramref name="work"/> under a progress bar on stderr. <paramref name="work"/> gets a
    /// callback taking (done, total, description). Without a terminal, a line is printed every 10%.
    /// </summary>
    public static T WithProgress<T>(string title, Func<Action<int, int, string>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!Status.Profile.Capabilities.Interactive)
        {
            var lastDecile = -1;
            return work((done, total, description) =>
            {
                var decile = total == 0 ? 10 : done * 10 / total;
                if (decile != lastDecile)
                {
                    lastDecile = decile;
                    Console.Error.WriteLine($"{title}: {done}/{total} {description}");
                }
            });
        }

        T result = default!;
        Status.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                result = work((done, total, description) =>
                {
                    task.MaxValue = Math.Max(1, total);
                    task.Value = done;
                    task.Description = Markup.Escape($"{title} {description}");
                });
                task.StopTask();
            });
        return result;
    }
}
