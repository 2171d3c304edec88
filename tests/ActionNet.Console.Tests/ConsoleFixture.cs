using ActionNet.Cluster.Tests.Support;
using ActionNet.Console.Tests.Support;
using ActionNet.LocalCluster;

namespace ActionNet.Console.Tests;

/// <summary>
/// What every console test shares: the cluster tests' <see cref="TestCluster"/> (Azurite and one cpu silo
/// scoring the probe model, with a webhook secret for alert rules) with the real API host on it (<see cref="ApiSession"/>, one key per role), two
/// real cameras registered through the API, and one headless Chromium. <see cref="Cameras"/>[0] loops red
/// and blue, so its label changes every few seconds and its history has many segments; [1] is plain green.
/// Initialisation returns once both cameras stream and [0] has a few pages of history.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    private TestCluster? _cluster;
    private ApiSession? _api;
    private ConsoleBrowser? _browser;
    private ApiClient? _admin;

    /// <summary>The API host serving the console, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri Origin => Api.BaseAddress;

    /// <summary>The API host and its keys.</summary>
    public ApiSession Api => _api ?? throw new InvalidOperationException("the console fixture has not started");

    /// <summary>An admin key.</summary>
    public string AdminKey => Api.AdminKey;

    /// <summary>An operator key.</summary>
    public string OperatorKey => Api.OperatorKey;

    /// <summary>A viewer key.</summary>
    public string ViewerKey => Api.ViewerKey;

    /// <summary>The API called directly with the admin key.</summary>
    public ApiClient Admin => _admin ?? throw new InvalidOperationException("the console fixture has not started");

    /// <summary>The browser.</summary>
    public ConsoleBrowser Browser => _browser ?? throw new InvalidOperationException("the console fixture has not started");

    /// <summary>The cameras registered for the tests, streaming.</summary>
    public IReadOnlyList<string> Cameras { get; } = ["console-colours", "console-green"];

    /// <summary>A looping video under the silos' media root, for cameras a test adds itself.</summary>
    public string Video { get; private set; } = "";

    /// <summary>The model profile cameras use.</summary>
    public string Profile => TestCluster.AnyProfile;

    /// <summary>The silos' webhook signing secret (<c>ActionNet__Alerts__WebhookSecret</c>), so alert rules may have a webhook.</summary>
    public string WebhookSecret { get; } = "console-tests-webhook-secret";

    /// <summary>When the cameras were registered (their history starts after it).</summary>
    public DateTimeOffset Started { get; private set; }

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch (Exception e)
        {
            var diagnostics = Diagnostics();
            await DisposeAsync();
            throw new InvalidOperationException($"the console fixture did not start: {e.Message}\n{diagnostics}", e);
        }
    }

    /// <summary>The API host's log and every silo's, for failure messages.</summary>
    public string Diagnostics() => _cluster?.Host.Diagnostics() ?? "the cluster did not start";

    private async Task StartAsync()
    {
        _cluster = await TestCluster.StartAsync("console", new Dictionary<string, string?> { ["ActionNet__Alerts__WebhookSecret"] = WebhookSecret }, "cpu");
        _api = await ApiSession.StartAsync(_cluster);
        _admin = new ApiClient(_api.BaseAddress, _api.AdminKey);
        _browser = await ConsoleBrowser.LaunchAsync();

        var media = new GeneratedMedia(Path.Combine(_cluster.Folder, "media"));
        var colours = media.Make("red-blue.mp4", "color=c=red:s=64x48:r=25:d=3[r];color=c=blue:s=64x48:r=25:d=3[b];[r][b]concat=n=2", 6, "-c:v", "mpeg4", "-q:v", "5");
        Video = _cluster.Video(new SolidColour(0, 200, 0));
        Started = DateTimeOffset.UtcNow;
        await RegisterAsync(Cameras[0], colours);
        await RegisterAsync(Cameras[1], Video);

        foreach (var camera in Cameras)
        {
            await Poll.UntilAsync($"camera {camera} streaming with a label", TimeSpan.FromSeconds(90), () => Admin.GetAsync($"cameras/{camera}"), c => c["status"]!["state"]!.GetValue<string>() == "Streaming" && c["latest"] is not null);
        }

        // Enough history to page through (the events tests read two pages of one label) and several segments.
        await Poll.UntilAsync(
            $"history of {Cameras[0]}",
            TimeSpan.FromSeconds(120),
            async () => (await Admin.AllPagesAsync($"cameras/{Cameras[0]}/segments?from={IsoTime.Query(Started.AddMinutes(-1))}&limit=1000")).Count(s => !s["open"]!.GetValue<bool>()),
            closed => closed >= 6);
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        _admin = null;
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _browser = null;
        }

        if (_api is not null)
        {
            await _api.DisposeAsync();
            _api = null;
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
            _cluster = null;
        }
    }

    private async Task RegisterAsync(string camera, string source)
    {
        var answer = await Admin.SendAsync(HttpMethod.Put, $"cameras/{camera}", new { source, profile = Profile, loop = true });
        if (answer.Status is not (200 or 201))
        {
            throw new InvalidOperationException($"registering {camera} through the API answered {answer.Status}: {answer.Body}");
        }
    }
}
