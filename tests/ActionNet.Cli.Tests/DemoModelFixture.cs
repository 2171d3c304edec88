using ActionNet.LocalCluster;
using ActionNet.Onnx;
using ActionNet.Training;

namespace ActionNet.Cli.Tests;

/// <summary>
/// The trained demo models, RGB and optical flow (default options; trained once into <c>.work/models/synthetic</c>
/// and reused by every test project until a recipe changes), and a held-out synthetic dataset with another
/// data seed, written by <c>actionnet demo videos</c> and put in TAO's layout (rgb/, u/, v/) by
/// <c>actionnet dataset prepare</c>. Shared by the <see cref="DemoModelCollection"/>.
/// </summary>
public sealed class DemoModelFixture : IAsyncLifetime
{
    private readonly Support.TempFolder _folder = new();

    /// <summary>The data seed of the held-out set (training uses <see cref="SyntheticTrainingOptions.DataSeed"/> 1).</summary>
    public const int HeldOutDataSeed = 2;

    /// <summary>Held-out scenes per action.</summary>
    public const int HeldOutPerClass = 20;

    /// <summary>Frames per held-out scene.</summary>
    public const int HeldOutFrames = 48;

    /// <summary>ActionRecognitionNet's labels in logit order, as the contract states them.</summary>
    public static IReadOnlyList<string> Hmdb5 { get; } = ["push", "fall_floor", "walk", "run", "ride_bike"];

    /// <summary>The folder the shared demo models are trained into.</summary>
    public static string ModelFolder => Path.Combine(RepositoryLayout.WorkFolder("models"), "synthetic");

    /// <summary>The training record of the RGB model.</summary>
    public TrainingReport Report { get; private set; } = null!;

    /// <summary>The training record of the optical-flow model.</summary>
    public TrainingReport FlowReport { get; private set; } = null!;

    /// <summary>The held-out videos, <c>&lt;action&gt;/&lt;action&gt;_&lt;seed&gt;.mp4</c>.</summary>
    public string VideosRoot => _folder.Combine("videos");

    /// <summary>The held-out TAO dataset.</summary>
    public string DatasetRoot => _folder.Combine("dataset");

    /// <summary>A path inside the fixture's temp folder.</summary>
    public string Combine(params string[] parts) => _folder.Combine(parts);

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        Report = await Task.Run(() => DemoModelTrainer.TrainOrReuse(SyntheticTrainingOptions.For(ModelInputs.Rgb), ModelFolder));
        FlowReport = await Task.Run(() => DemoModelTrainer.TrainOrReuse(SyntheticTrainingOptions.For(ModelInputs.Flow), ModelFolder));
        await CliProcess.RunOkAsync("demo", "videos", VideosRoot, "--per-class", $"{HeldOutPerClass}", "--frames", $"{HeldOutFrames}", "--data-seed", $"{HeldOutDataSeed}");
        await CliProcess.RunOkAsync("dataset", "prepare", VideosRoot, DatasetRoot);
    }

    /// <inheritdoc/>
    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
