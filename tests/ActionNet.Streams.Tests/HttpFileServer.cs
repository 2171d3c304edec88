using ActionNet.LocalCluster;

namespace ActionNet.Streams.Tests;

/// <summary>Python's http.server on 127.0.0.1 serving one folder, as a supervised child process.</summary>
public sealed class HttpFileServer : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private HttpFileServer(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<HttpFileServer> StartAsync(string folder)
    {
        var port = FreePorts.Take(1)[0];
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var process = ChildProcess.Start("http-server", python, ["-m", "http.server", $"{port}", "--bind", "127.0.0.1", "--directory", folder], new Dictionary<string, string?>(), Path.Combine(folder, "..", $"http-{port}.log"));
        if (!await FreePorts.WaitForListenerAsync(port, TimeSpan.FromSeconds(15), () => process.HasExited))
        {
            var tail = process.Tail();
            await process.DisposeAsync();
            throw new InvalidOperationException($"http.server did not start: {tail}");
        }

        return new HttpFileServer(process, port);
    }

    public string Url(string file) => $"http://127.0.0.1:{Port}/{file}";

    public async ValueTask DisposeAsync() => await _process.DisposeAsync();
}
