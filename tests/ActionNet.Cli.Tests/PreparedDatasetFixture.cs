using ActionNet.Cli.Tests.Support;

namespace ActionNet.Cli.Tests;

/// <summary>
/// A videos root of 2 classes x 2 videos (class folders named after HMDB5 labels: walk, run), the
/// TAO dataset <c>actionnet dataset prepare</c> makes of it (its first run kept for the tests), and
/// T=8, 32x32 models: 5-class tiny RGB and flow, and the RGB and flow probes.
/// </summary>
public sealed class PreparedDatasetFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    /// <summary>Frames in every video.</summary>
    public const int VideoFrames = 40;

    /// <summary>The class folders, each with <see cref="VideosPerClass"/> videos.</summary>
    public static IReadOnlyList<string> Classes { get; } = ["walk", "run"];

    /// <summary>Videos per class.</summary>
    public const int VideosPerClass = 2;

    /// <summary>The folder of class folders of videos.</summary>
    public string VideosRoot => _folder.Combine("videos");

    /// <summary>The prepared dataset.</summary>
    public string DatasetRoot => _folder.Combine("dataset");

    /// <summary>The first <c>dataset prepare --json</c> run.</summary>
    public CliRun FirstPrepare { get; private set; } = null!;

    /// <summary>5-class tiny 2D RGB model with HMDB5 labels.</summary>
    public string TinyRgb { get; private set; } = null!;

    /// <summary>5-class tiny 2D flow model with HMDB5 labels.</summary>
    public string TinyFlow { get; private set; } = null!;

    /// <summary>2D RGB probe.</summary>
    public string ProbeRgb { get; private set; } = null!;

    /// <summary>2D flow probe.</summary>
    public string ProbeFlow { get; private set; } = null!;

    /// <summary>Every clip folder of the prepared dataset as <c>class/clip</c>.</summary>
    public IEnumerable<string> ClipFolders =>
        Classes.SelectMany(c => Enumerable.Range(0, VideosPerClass).Select(i => Path.Combine(DatasetRoot, c, $"{c}_{i:D2}")));

    /// <summary>A path inside the fixture's temp folder.</summary>
    public string Combine(params string[] parts) => _folder.Combine(parts);

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        foreach (var action in Classes)
        {
            for (var i = 0; i < VideosPerClass; i++)
            {
                TestInputs.Video(Path.Combine(VideosRoot, action, $"{action}_{i:D2}.mp4"), action, VideoFrames, seed: i + 1);
            }
        }

        var models = _folder.Combine("models");
        TinyRgb = TestInputs.Model(models, "tiny-2d-rgb");
        TinyFlow = TestInputs.Model(models, "tiny-2d-flow");
        ProbeRgb = TestInputs.Model(models, "probe-2d-rgb");
        ProbeFlow = TestInputs.Model(models, "probe-2d-flow");
        FirstPrepare = await CliProcess.RunAsync(["dataset", "prepare", VideosRoot, DatasetRoot, "--json"]);
    }

    /// <inheritdoc/>
    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
