using ActionNet.Vision.Flow;
using ActionNet.Vision.Sources;
using OpenCvSharp;

namespace ActionNet.Vision.Dataset;

/// <summary>
/// Converts <c>&lt;videos&gt;/&lt;class&gt;/*.{mp4,avi,mkv,mov,webm}</c> into TAO's layout
/// <c>&lt;output&gt;/&lt;class&gt;/&lt;video name&gt;/</c> with <c>rgb/000000.png</c>... (every decoded
/// frame, as NVIDIA's <c>convert_dataset.py</c> extracts them) and <c>u/000000.jpg</c>,
/// <c>v/000000.jpg</c>... (Farneback flow at source resolution, NVIDIA's encoding, grayscale JPG;
/// N frames give N - 1 flow images). A clip is written into a hidden <c>.&lt;name&gt;.partial</c>
/// folder and renamed when complete, so a rerun skips finished clips and redoes interrupted ones.
/// A video that cannot be decoded is reported as failed and the run goes on.
/// </summary>
public sealed class DatasetPreparer
{
    /// <summary>File extensions treated as videos (case-insensitive).</summary>
    public static readonly IReadOnlyList<string> VideoExtensions = [".mp4", ".avi", ".mkv", ".mov", ".webm"];

    /// <summary>Creates a preparer reading <paramref name="videosRoot"/> and writing <paramref name="outputRoot"/>.</summary>
    public DatasetPreparer(string videosRoot, string outputRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(videosRoot);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputRoot);
        VideosRoot = videosRoot;
        OutputRoot = outputRoot;
    }

    /// <summary>The folder of class folders of videos.</summary>
    public string VideosRoot { get; }

    /// <summary>The TAO dataset folder written.</summary>
    public string OutputRoot { get; }

    /// <summary>
    /// Converts every video. Throws <see cref="VideoSourceException"/> when the videos folder is
    /// missing or holds no videos; per-video failures are reported, not thrown.
    /// </summary>
    public DatasetSummary Prepare(IProgress<DatasetProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var videos = FindVideos();
        int prepared = 0;
        int skipped = 0;
        var failures = new List<DatasetProgress>();
        using var flow = new FarnebackFlow();
        for (int i = 0; i < videos.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (className, video) = videos[i];
            var result = PrepareVideo(className, video, flow, cancellationToken);
            var report = new DatasetProgress(i + 1, videos.Count, className, video, result.Outcome, result.Frames, result.Message);
            switch (result.Outcome)
            {
                case VideoOutcome.Prepared:
                    prepared++;
                    break;
                case VideoOutcome.Skipped:
                    skipped++;
                    break;
                default:
                    failures.Add(report);
                    break;
            }

            progress?.Report(report);
        }

        return new DatasetSummary(prepared, skipped, failures);
    }

    private List<(string ClassName, string Video)> FindVideos()
    {
        if (!Directory.Exists(VideosRoot))
        {
            throw new VideoSourceException($"videos folder '{VideosRoot}' does not exist (expected <videos>/<class>/*.mp4)");
        }

        var videos = Directory.EnumerateDirectories(VideosRoot)
            .Order(NaturalFileOrder.Instance)
            .SelectMany(classDirectory => Directory.EnumerateFiles(classDirectory)
                .Where(f => VideoExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(NaturalFileOrder.Instance)
                .Select(f => (Path.GetFileName(classDirectory), f)))
            .ToList();
        if (videos.Count == 0)
        {
            throw new VideoSourceException($"videos folder '{VideosRoot}' holds no videos (expected <videos>/<class>/*.mp4, .avi, .mkv, .mov or .webm)");
        }

        return videos;
    }

    private (VideoOutcome Outcome, int Frames, string? Message) PrepareVideo(string className, string video, FarnebackFlow flow, CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(video);
        var classOutput = Path.Combine(OutputRoot, className);
        var clip = Path.Combine(classOutput, name);
        if (Directory.Exists(clip))
        {
            var rgb = Path.Combine(clip, "rgb");
            return (VideoOutcome.Skipped, Directory.Exists(rgb) ? Directory.GetFiles(rgb).Length : 0, null);
        }

        var partial = Path.Combine(classOutput, $".{name}.partial");
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        try
        {
            var report = WriteClip(video, partial, flow, cancellationToken);
            Directory.Move(partial, clip);
            return (VideoOutcome.Prepared, report.FramesDecoded, report.StoppedEarly ? report.Describe() : null);
        }
        // ArgumentException: frames that change size mid-video cannot be paired for flow.
        catch (Exception e) when (e is VideoSourceException or OpenCVException or IOException or ArgumentException)
        {
            Directory.Delete(partial, recursive: true);
            return (VideoOutcome.Failed, 0, e.Message);
        }
        catch (OperationCanceledException)
        {
            Directory.Delete(partial, recursive: true);
            throw;
        }
    }

    private static DecodeReport WriteClip(string video, string clip, FarnebackFlow flow, CancellationToken cancellationToken)
    {
        var rgb = Directory.CreateDirectory(Path.Combine(clip, "rgb")).FullName;
        var u = Directory.CreateDirectory(Path.Combine(clip, "u")).FullName;
        var v = Directory.CreateDirectory(Path.Combine(clip, "v")).FullName;
        using var reader = VideoFileReader.Open(video);
        using var previous = new Mat();
        using var uPlane = new Mat();
        using var vPlane = new Mat();
        return reader.ReadAll(
            (index, frame) =>
            {
                Write(Path.Combine(rgb, $"{index:D6}.png"), frame);
                if (index > 0)
                {
                    flow.ComputePlanes(previous, frame, uPlane, vPlane);
                    Write(Path.Combine(u, $"{index - 1:D6}.jpg"), uPlane);
                    Write(Path.Combine(v, $"{index - 1:D6}.jpg"), vPlane);
                }

                frame.CopyTo(previous);
            },
            cancellationToken);
    }

    private static void Write(string path, Mat image)
    {
        if (!Cv2.ImWrite(path, image))
        {
            throw new IOException($"could not write image '{path}'");
        }
    }
}
