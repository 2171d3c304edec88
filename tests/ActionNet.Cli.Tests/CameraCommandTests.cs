using ActionNet.Abstractions.Cameras;
using ActionNet.Cli.Tests.Support;

namespace ActionNet.Cli.Tests;

/// <summary><c>actionnet cameras</c> against a real cluster: clear answers for bad inputs, and credentials shown nowhere.</summary>
[Collection(CameraClusterCollection.Name)]
public sealed class CameraCommandTests(CameraClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static string NewId(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    private Task<CliRun> AddAsync(string camera, string source, params string[] more) =>
        fixture.CliAsync(["cameras", "add", camera, "--source", source, "--model", ActionNet.Drills.DrillCluster.Profile, .. more]);

    [Theory]
    [InlineData("status")]
    [InlineData("remove")]
    public async Task StatusAndRemoveOfAnUnregisteredCameraSayItIsNotRegistered(string verb)
    {
        var run = await fixture.CliAsync("cameras", verb, "nosuchcam");

        CliAssert.InputError(run, "camera 'nosuchcam' is not registered");
        Assert.DoesNotContain("removed", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Stopped", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CredentialsInTheUserPartAndTheQueryAreMaskedInTheEchoStatusListAndSiloLog()
    {
        var camera = NewId("masked");
        var source = $"rtsp://admin:{fixture.Password}@127.0.0.1:1/cam?user=admin&password={fixture.Password}&Token={fixture.Password}";

        var add = await AddAsync(camera, source);

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Contains("rtsp://admin:***@127.0.0.1:1/cam?user=admin&password=***&Token=***", add.Stdout, StringComparison.Ordinal);
        var failing = await fixture.Cluster.WaitForStatusAsync(camera, "an error", s => s.LastError is not null, Patience);
        var status = await fixture.CliAsync("cameras", "status", camera, "--json");
        var list = await fixture.CliAsync("cameras", "list");
        Assert.Equal(0, status.ExitCode);
        var log = File.ReadAllLines(fixture.Cluster.Host.Silos.Last(s => s.IsRunning).LogPath);
        foreach (var (what, text) in new[] { ("add", add.Stdout + add.Stderr), ("status", status.Stdout + status.Stderr), ("list", list.Stdout + list.Stderr), ("last error", failing.LastError!), ("source", failing.RedactedSource) }
            .Concat(log.Select(l => ("silo log", l))))
        {
            Assert.False(text.Contains(fixture.Password, StringComparison.Ordinal), $"{what} shows the password: {text}");
        }

        Assert.Contains("password=***", status.Stdout, StringComparison.Ordinal);
        await fixture.CliAsync("cameras", "remove", camera);
    }

    [Theory]
    [InlineData("rtsp://127.0.0.1/cam\nINFO forged line", "control character (U+000A)")]
    [InlineData("rtsp://127.0.0.1/cam\r\nINFO forged line", "control character (U+000D)")]
    [InlineData("rtsp://-i", "host '-i'")]
    [InlineData("ftp://h/x", "uses 'ftp://'")]
    [InlineData("/etc/passwd", "is outside the media folders this silo reads")]
    [InlineData("/dev/zero", "is outside the media folders this silo reads")]
    public async Task SourcesThatCanNeverWorkAreRefusedInOneLine(string source, string expected)
    {
        var camera = NewId("refused");

        var run = await AddAsync(camera, source);

        CliAssert.InputError(run, expected);
        Assert.Null(await fixture.Cluster.Grains.GetGrain<ICameraGrain>(camera).GetRegistrationAsync());
    }

    [Fact]
    public async Task AUrlOfAHundredKilobytesIsRefusedWithTheBound()
    {
        var run = await AddAsync(NewId("long"), "rtsp://127.0.0.1/" + new string('a', 120_000));

        CliAssert.InputError(run, $"expected at most {CameraInputRules.MaxSourceLength}");
    }

    [Fact]
    public async Task ADirectoryInTheMediaFolderIsADirectory()
    {
        var run = await AddAsync(NewId("folder"), fixture.Cluster.Media.Folder);

        CliAssert.InputError(run, "is a directory");
    }

    [Fact]
    public async Task ARegionOutsideAFileFramesIsRefusedAtRegistration()
    {
        var run = await AddAsync(NewId("roi-file"), fixture.Video, "--loop", "--roi", "5000,5000,100,100");

        CliAssert.InputError(run, "region (5000,5000) 100x100 does not fit the 64x48 frame");
    }

    [Fact]
    public async Task ARegionOutsideAStreamFramesEndsInFailedWithOneLine()
    {
        var camera = NewId("roi-stream");

        var add = await AddAsync(camera, fixture.Secured.Url("/cam", CameraClusterFixture.User, fixture.Password), "--roi", "5000,5000,100,100");

        Assert.True(add.ExitCode == 0, add.ToString());
        var status = await fixture.Cluster.WaitForStatusAsync(camera, "Failed, region", s => s.State == CameraState.Failed && s.LastError?.Contains("region", StringComparison.Ordinal) == true, Patience);
        Assert.Equal("region (5000,5000) 100x100 does not fit the 64x48 frame: expected x + width <= 64 and y + height <= 48", status.LastError);
        await fixture.CliAsync("cameras", "remove", camera);
    }

    [Fact]
    public async Task AHostThatDoesNotExistEndsInFailedWithOneLine()
    {
        var camera = NewId("no-host");

        var add = await AddAsync(camera, "rtsp://no-such-camera.invalid/cam");

        Assert.True(add.ExitCode == 0, add.ToString());
        var status = await fixture.Cluster.WaitForStatusAsync(camera, "Failed, unknown host", s => s.State == CameraState.Failed, Patience);
        Assert.Contains("unknown host name", status.LastError, StringComparison.Ordinal);
        await fixture.CliAsync("cameras", "remove", camera);
    }

    [Fact]
    public async Task AnUppercaseSchemeStreamsAndNoProcessOfTheSiloEverShowsThePassword()
    {
        var camera = NewId("upper");
        var url = "RTSP" + fixture.Secured.Url("/cam", CameraClusterFixture.User, fixture.Password)["rtsp".Length..];
        var silo = fixture.Cluster.Host.Silos.Last(s => s.IsRunning).ProcessId;
        var seen = new List<ProcessText>();
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var children = ProcessTable.Descendants(ProcessTable.Snapshot(), silo);
                lock (seen)
                {
                    seen.AddRange(children);
                }
            }
        });

        var add = await AddAsync(camera, url);
        Assert.True(add.ExitCode == 0, add.ToString());
        await fixture.Cluster.WaitForStatusAsync(camera, "Streaming", s => s.State == CameraState.Streaming && s.FramesReceived >= 10, Patience);
        await stop.CancelAsync();
        await watcher;

        Assert.Contains(seen, p => p.Name == "ffprobe");
        Assert.Contains(seen, p => p.Name == "ffmpeg");
        Assert.All(seen, p =>
        {
            Assert.DoesNotContain(fixture.Password, p.CommandLine, StringComparison.Ordinal);
            Assert.DoesNotContain(fixture.Password, p.Environment, StringComparison.Ordinal);
        });
        await fixture.CliAsync("cameras", "remove", camera);
    }
}
