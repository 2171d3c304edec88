using ActionNet.Abstractions.Cameras;
using ActionNet.LocalCluster;

namespace ActionNet.Drills;

/// <summary>
/// Cameras with bad inputs are registered beside a healthy one: a refused port, an unreachable host, a
/// host that does not exist, a wrong path and a wrong password (in the user part and in the query) on a
/// live RTSP server, a region outside the stream's frames, a truncated and a corrupt file, and a stream
/// that stalls without closing; plus unusual inputs that must simply work (a mid-stream resolution change,
/// a 1x1 and a 4K source, an uppercase scheme). Each must end in a clear status (state and a one-line
/// error with any credential masked) or keep streaming. Inputs that can never work (control characters,
/// impossible hosts, other schemes, files outside the media folders, a directory, a 120 KB URL, numbers
/// past their bounds, a region outside a file's frames) must be refused at registration with one line
/// and leave nothing registered. The silo must not crash, and the healthy camera must label throughout.
/// </summary>
public static class BadInputsDrill
{
    /// <summary>The drill's short name.</summary>
    public const string Name = "inputs";

    private const string User = "drill";
    private const string Password = "s3cret-Pw";
    private const string WrongPassword = "wrong-Pw";
    private const string Healthy = "healthy";

    /// <summary>Starts a one-silo cluster and two RTSP servers, runs the drill and stops them.</summary>
    public static async Task<BadInputsResult> RunAsync(DrillOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var cluster = await DrillCluster.StartAsync("bad-inputs", 1, options, cancellationToken: cancellationToken);
        var logs = Path.Combine(cluster.Folder, "rtsp");
        await using var secured = await RtspServer.StartAsync(
            new RtspServerOptions { Mounts = ["/cam"], Width = 64, Height = 48, FramesPerSecond = 5, User = User, Password = Password }, logs, cancellationToken);
        await using var stalling = await RtspServer.StartAsync(
            new RtspServerOptions { Mounts = ["/frozen"], Width = 64, Height = 48, FramesPerSecond = 10 }, logs, cancellationToken);
        return await RunAsync(cluster, secured, stalling, cancellationToken);
    }

    /// <summary>
    /// Runs the drill on <paramref name="cluster"/> with <paramref name="secured"/> (serving /cam behind the
    /// drill's credentials) and <paramref name="stalling"/> (serving /frozen, which the drill freezes).
    /// </summary>
    public static async Task<BadInputsResult> RunAsync(DrillCluster cluster, RtspServer secured, RtspServer stalling, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(secured);
        ArgumentNullException.ThrowIfNull(stalling);
        var log = cluster.Options.Log;
        var media = cluster.Media;
        var started = DateTimeOffset.UtcNow;
        await cluster.RegisterAsync(Healthy, media.Pattern("healthy.mp4"));
        await cluster.WaitForEventsAsync(Healthy, "3 stored labels", h => h.Count >= 3);

        log("inputs: making the bad and unusual media");
        var inputs = new List<BadInput>
        {
            Failing("refused", "refused port", $"rtsp://127.0.0.1:{FreePorts.Take(1)[0]}/cam", "connection refused"),
            new("no-such-host", "host name that does not exist", Camera("rtsp://no-such-camera.invalid/cam"), "Failed, unknown host",
                s => s.State == CameraState.Failed && Has(s.LastError, "unknown host name")),
            new("query-password", "wrong password in the query (?password=)", Camera(secured.Url("/cam", User, WrongPassword) + $"?user={User}&password={WrongPassword}&token={WrongPassword}"),
                "Failed, 401, query masked", s => s.State == CameraState.Failed && Has(s.LastError, "401") && Has(s.RedactedSource, $"password={SourceUrl.Mask}") && Has(s.RedactedSource, $"token={SourceUrl.Mask}")),
            new("roi-stream", "region outside the stream's 64x48 frames", Camera(secured.Url("/cam", User, Password)) with { Region = new() { X = 5000, Y = 5000, Width = 100, Height = 100 } },
                "Failed, region does not fit", s => s.State == CameraState.Failed && Has(s.LastError, "does not fit the 64x48 frame")),
            Streaming("uppercase-scheme", "RTSP:// in capitals", "RTSP" + secured.Url("/cam", User, Password)["rtsp".Length..]),
            Failing("unreachable", "unreachable host (TEST-NET-1)", "rtsp://192.0.2.1:554/cam", null),
            new("wrong-path", "wrong path on a live server", Camera(secured.Url("/nope", User, Password)), "Failed, 404", s => s.State == CameraState.Failed && Has(s.LastError, "404")),
            new("unauthorized", "wrong password (RTSP 401)", Camera(secured.Url("/cam", User, WrongPassword)), "Failed, 401, password masked",
                s => s.State == CameraState.Failed && Has(s.LastError, "401") && Has(s.LastError, SourceUrl.Mask)),
            BrokenFile("truncated", "MP4 cut in half (index lost)", media.Truncated(media.Pattern("whole.mp4", seconds: 2), 0.5)),
            BrokenFile("corrupt", "random bytes named .mp4", media.Garbage("corrupt.mp4")),
            Streaming("resolution", "64x48 then 160x120 in one stream", media.ResolutionChange("resolution.ts", (64, 48), (160, 120))),
            Streaming("one-pixel", "1x1 frames", media.Make("one-pixel.mkv", "color=c=red:size=16x16:rate=10", 1, "-vf", "scale=1:1,format=bgr0", "-c:v", "ffv1")),
            Streaming("uhd", "3840x2160 frames", media.Make("uhd.mkv", "testsrc=size=3840x2160:rate=4", 2, "-c:v", "mjpeg", "-q:v", "10")),
            new("stall", "stream that stalls without closing (server frozen)", Camera(stalling.Url("/frozen")), "Reconnecting, with an error",
                s => s.State == CameraState.Reconnecting && !string.IsNullOrWhiteSpace(s.LastError) && s.FramesReceived > 0),
        };
        foreach (var input in inputs)
        {
            await cluster.Grains.GetGrain<ICameraGrain>(input.Camera).RegisterAsync(input.Registration).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        var refusals = await RefuseAsync(cluster, RefusedInputs(cluster, media), cancellationToken);

        // The stream stalls only once it has been streaming.
        await cluster.WaitForEventsAsync("stall", "3 stored labels before the stall", h => h.Count >= 3);
        log("inputs: freezing the stalling RTSP server (SIGSTOP)");
        stalling.Pause();
        var outcomes = new List<BadInputOutcome>();
        try
        {
            // The stall first, while the frozen server is its only problem.
            foreach (var input in inputs.OrderByDescending(i => i.Camera == "stall"))
            {
                var status = await cluster.WaitForStatusAsync(input.Camera, $"{input.Input}: {input.Expected}", s => input.Ends(s) && s.LastError?.Contains('\n', StringComparison.Ordinal) != true);
                if (input.Expected == StreamingExpectation)
                {
                    await cluster.WaitForEventsAsync(input.Camera, "3 stored labels", h => h.Count >= 3);
                }

                var events = (await cluster.EventsAsync(input.Camera)).Count;
                outcomes.Add(new BadInputOutcome(input.Camera, input.Input, input.Expected, status.State, status.LastError, status.RedactedSource, events, true, Refused: false));
                log($"inputs: {input.Camera} ({input.Input}): {status.State}, {events} labels, {status.LastError ?? "no error"}");
            }
        }
        finally
        {
            stalling.Resume();
        }

        // The healthy camera must have labelled all along: the drill's whole span, up to a label after now.
        var until = DateTimeOffset.UtcNow;
        var healthy = await cluster.WaitForEventsAsync(Healthy, "labels up to the end of the drill", h => h.Any(e => e.End > until));
        var healthyGaps = (await cluster.GapsAsync(Healthy)).Count;
        var gaps = healthyGaps;
        var duplicates = StoredEvents.Duplicates(await cluster.StoredEventsAsync(Healthy));
        foreach (var input in inputs)
        {
            gaps += (await cluster.GapsAsync(input.Camera)).Count;
            duplicates += StoredEvents.Duplicates(await cluster.StoredEventsAsync(input.Camera));
        }

        var firstHealthy = healthy.Min(e => e.End);
        var result = new BadInputsResult
        {
            Outcomes = [.. outcomes, .. refusals],
            HealthyEvents = healthy.Count(e => e.End >= started),
            HealthyLongestPause = StoredEvents.LongestPause(healthy, firstHealthy, until),
            HealthyGaps = healthyGaps,
            SilosRunning = cluster.Host.Silos.All(s => s.IsRunning),
            Duplicates = duplicates,
            Gaps = gaps,
            Problems = [],
        };
        return result with { Problems = Check(result, cluster.Options.GapSeconds) };
    }

    private const string StreamingExpectation = "keeps streaming and labelling";

    // Inputs that can never work: each must be refused at registration, in one line, leaving nothing registered.
    private static List<RefusedInput> RefusedInputs(DrillCluster cluster, GeneratedMedia media) =>
    [
        new("newline-url", "a URL with a new line (a forged log line)", Camera("rtsp://127.0.0.1/cam\nINFO camera healthy: registered"), "control character (U+000A)"),
        new("crlf-url", "a URL with CR LF", Camera("rtsp://127.0.0.1/cam\r\nforged"), "control character (U+000D)"),
        new("dash-host", "rtsp://-i (a host read as an option)", Camera("rtsp://-i"), "host '-i'"),
        new("other-scheme", "ftp:// source", Camera($"ftp://{User}:{Password}@127.0.0.1/cam"), "uses 'ftp://'"),
        new("etc-passwd", "/etc/passwd as a file source", Camera("/etc/passwd"), "is outside the media folders"),
        new("dev-zero", "/dev/zero as a file source", Camera("/dev/zero"), "is outside the media folders"),
        new("directory", "a folder as a file source", Camera(media.Folder), "is a directory"),
        new("missing-file", "a file that does not exist", Camera(Path.Combine(media.Folder, "missing.mp4")), "does not exist"),
        new("long-url", "a 120 KB URL", Camera("rtsp://127.0.0.1/" + new string('a', 120_000)), $"expected at most {CameraInputRules.MaxSourceLength}"),
        new("roi-file", "region outside a 64x48 file", Camera(media.Pattern("roi.mp4")) with { Region = new() { X = 5000, Y = 5000, Width = 100, Height = 100 } }, "does not fit the 64x48 frame"),
        new("huge-subsample", "subsample 2147483647", Camera(media.Pattern("subsample.mp4")) with { Subsample = int.MaxValue }, $"expected 0 to {CameraInputRules.MaxSubsample}"),
        new("infinite-fps", "fps cap Infinity", Camera(media.Pattern("fps.mp4")) with { FpsCap = double.PositiveInfinity }, "fps cap is Infinity"),
        new("unknown-profile", "a profile no silo has", Camera(media.Pattern("profile.mp4")) with { ModelProfile = "nope" }, "model profile 'nope' is not configured"),
        new("control-profile", "a profile name with an escape sequence", Camera(media.Pattern("escape.mp4")) with { ModelProfile = "drill\u001b[2J" }, "control character (U+001B)"),
    ];

    private static async Task<List<BadInputOutcome>> RefuseAsync(DrillCluster cluster, IReadOnlyList<RefusedInput> inputs, CancellationToken cancellationToken)
    {
        var outcomes = new List<BadInputOutcome>();
        foreach (var input in inputs)
        {
            var camera = cluster.Grains.GetGrain<ICameraGrain>(input.Camera);
            string? error = null;
            try
            {
                await camera.RegisterAsync(input.Registration).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }
            catch (ArgumentException e)
            {
                error = e.Message;
            }

            var registered = await camera.GetRegistrationAsync().WaitAsync(TimeSpan.FromSeconds(10), cancellationToken) is not null;
            var ok = !registered && error is not null && Has(error, input.Expected) && !error.Any(char.IsControl);
            outcomes.Add(new BadInputOutcome(input.Camera, input.Input, $"refused: {input.Expected}", registered ? CameraState.Connecting : CameraState.Stopped, error, CameraInputRules.Quote(SourceUrl.Redact(input.Registration.Source)), 0, ok, Refused: true));
            cluster.Options.Log($"inputs: {input.Camera} ({input.Input}): {(registered ? "REGISTERED" : "refused")}: {error ?? "no error"}");
        }

        return outcomes;
    }

    private static CameraRegistration Camera(string source) => new() { Source = source, Loop = true, ModelProfile = DrillCluster.Profile };

    private static BadInput Failing(string camera, string input, string source, string? error) =>
        new(camera, input, Camera(source), $"Connecting or Reconnecting{(error is null ? "" : $", {error}")}",
            s => s.State is CameraState.Connecting or CameraState.Reconnecting && !string.IsNullOrWhiteSpace(s.LastError) && (error is null || Has(s.LastError, error)));

    private static BadInput BrokenFile(string camera, string input, string source) =>
        new(camera, input, Camera(source), "Failed, not a readable video",
            s => s.State == CameraState.Failed && Has(s.LastError, "not a readable video"));

    private static BadInput Streaming(string camera, string input, string source) =>
        new(camera, input, Camera(source), StreamingExpectation, s => s.State == CameraState.Streaming && s.WindowsScored >= 3);

    private static bool Has(string? text, string part) => text?.Contains(part, StringComparison.OrdinalIgnoreCase) == true;

    private static List<string> Check(BadInputsResult r, int gapSeconds)
    {
        var problems = new List<string>();
        foreach (var o in r.Outcomes)
        {
            if (!o.Ok)
            {
                problems.Add($"{o.Camera} ({o.Input}) did not end as expected ({o.Expected}): {o.State}, {o.LastError ?? "no error"}");
            }

            if (o.LastError?.Contains(Password, StringComparison.Ordinal) == true || o.LastError?.Contains(WrongPassword, StringComparison.Ordinal) == true
                || o.Source.Contains(Password, StringComparison.Ordinal) || o.Source.Contains(WrongPassword, StringComparison.Ordinal))
            {
                problems.Add($"{o.Camera} shows a password: {o.Source} / {o.LastError}");
            }
        }

        if (!r.SilosRunning)
        {
            problems.Add("a silo process exited during the drill");
        }

        if (r.HealthyGaps > 0 || r.HealthyLongestPause > TimeSpan.FromSeconds(gapSeconds))
        {
            problems.Add($"the healthy camera was interrupted: {r.HealthyGaps} gap(s), longest pause {r.HealthyLongestPause.TotalSeconds:F1} s");
        }

        if (r.Duplicates > 0)
        {
            problems.Add($"{r.Duplicates} duplicate (camera, sequence) lines stored");
        }

        return problems;
    }

    private sealed record BadInput(string Camera, string Input, CameraRegistration Registration, string Expected, Func<CameraStatus, bool> Ends);

    private sealed record RefusedInput(string Camera, string Input, CameraRegistration Registration, string Expected);
}
