using System.Diagnostics;
using ActionNet.Onnx;
using ActionNet.Vision.Clips;
using ActionNet.Vision.Dataset;
using ActionNet.Vision.Frames;
using ActionNet.Vision.Sources;
using ActionNet.Vision.Synthetic;

namespace ActionNet.Training;

/// <summary>
/// The features a demo model is fitted on: windows cut from the rendered training scenes by the project's
/// own code, run through the model's feature extractor scene by scene (so no more than one scene's windows
/// are held at a time). Every scene gives <see cref="SyntheticTrainingOptions.WindowsPerScene"/> windows the way a
/// looping camera and <c>classify</c> see it: decoded, preprocessed to model resolution, cut by
/// <see cref="ClipBuilder"/> (which, for flow, computes Farneback flow between the model-resolution
/// frames). A flow model also gets as many windows the way <c>eval</c> sees a TAO dataset: the scenes
/// written by <see cref="DatasetPreparer"/> (flow at the scene's own resolution, JPG u/ and v/ images),
/// read back by <see cref="ClipBuilder.FromDirectory"/>, so it learns both encodings of the same motion.
/// </summary>
internal static class TrainingFeatures
{
    /// <summary>
    /// The features of the windows of <paramref name="scenes"/>, written as <paramref name="videos"/> under
    /// <paramref name="videosRoot"/>; a flow model's TAO copy is written to <paramref name="datasetFolder"/>
    /// and deleted afterwards. Returns the features, their class indices (label order) and the seconds spent
    /// writing the TAO copy.
    /// </summary>
    public static (float[][] Features, IReadOnlyList<int> Classes, double PrepareSeconds) Extract(
        ClipFeatureExtractor extractor,
        SyntheticTrainingOptions options,
        IReadOnlyList<SceneSpec> scenes,
        string videosRoot,
        IReadOnlyList<string> videos,
        string datasetFolder,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var labels = SyntheticVideo.Actions.ToList();
        var features = new List<float[]>();
        var classes = new List<int>();
        void Add(SceneSpec scene, IReadOnlyList<ClipFrames> windows)
        {
            features.AddRange(extractor.Extract(windows));
            classes.AddRange(windows.Select(_ => labels.IndexOf(scene.Action)));
        }

        var flow = options.Input == ModelInputs.Flow;
        var spec = new ClipSpec(options.Frames, options.Height, options.Width, NeedsRgb: !flow, NeedsFlow: flow);
        using var builder = new ClipBuilder(spec);
        using (var preprocessor = new FramePreprocessor(options.Height, options.Width))
        {
            for (var i = 0; i < scenes.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Add(scenes[i], LoopWindows(videos[i], builder, preprocessor, options.WindowsPerScene, cancellationToken));
            }
        }

        if (!flow)
        {
            return ([.. features], classes, 0);
        }

        var clock = Stopwatch.StartNew();

        // The preparer keeps clips that are already there; one left by an interrupted run may be of other scenes.
        if (Directory.Exists(datasetFolder))
        {
            Directory.Delete(datasetFolder, recursive: true);
        }

        var summary = new DatasetPreparer(videosRoot, datasetFolder).Prepare(cancellationToken: cancellationToken);
        if (summary.Failures.Count > 0)
        {
            var failure = summary.Failures[0];
            throw new InvalidOperationException($"dataset preparation of the training scenes failed for {summary.Failures.Count} video(s), first '{failure.VideoPath}': {failure.Message}");
        }

        var prepareSeconds = clock.Elapsed.TotalSeconds;
        progress?.Report($"wrote the training scenes in TAO's layout (flow at scene resolution) in {prepareSeconds:F1} s");
        for (var i = 0; i < scenes.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var folder = FramesDirectory.Open(Path.Combine(datasetFolder, scenes[i].Action, Path.GetFileNameWithoutExtension(videos[i])));
            Add(scenes[i], [.. builder.FromDirectory(folder, SamplingMode.Conv, segments: options.WindowsPerScene).Clips.Select(c => c.Flow!)]);
        }

        Directory.Delete(datasetFolder, recursive: true);
        return ([.. features], classes, prepareSeconds);
    }

    /// <summary>
    /// Decodes a looping scene, preprocesses every frame to model resolution, and cuts
    /// <paramref name="windows"/> evenly spaced windows (<see cref="SamplingMode.Conv"/>) over its loop:
    /// the frames are followed by the first T - 1 again (T for flow, whose window of T flow frames spans
    /// T + 1 frames), so windows near the end run over the loop point into the start, as a looping
    /// camera's windows do. Returns the RGB or the flow clips, as the builder's spec asks.
    /// </summary>
    private static IReadOnlyList<ClipFrames> LoopWindows(string video, ClipBuilder builder, FramePreprocessor preprocessor, int windows, CancellationToken cancellationToken)
    {
        var frames = new List<byte[]>();
        using (var reader = VideoFileReader.Open(video))
        {
            reader.ReadAll(
                (_, frame) =>
                {
                    var rgb = new byte[preprocessor.FrameBytes];
                    preprocessor.Process(frame, rgb);
                    frames.Add(rgb);
                },
                cancellationToken);
        }

        var spec = builder.Spec;
        var extra = spec.NeedsFlow ? spec.Length : spec.Length - 1;
        List<byte[]> looped = [.. frames, .. frames.Take(Math.Min(frames.Count, extra))];
        return [.. builder.FromFrames(looped, SamplingMode.Conv, windows, Path.GetFileName(video)).Clips.Select(c => spec.NeedsFlow ? c.Flow! : c.Rgb!)];
    }
}
