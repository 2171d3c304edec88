using System.Buffers;
using System.Diagnostics;
using ActionNet.Inference.Contracts;
using ActionNet.Inference.Packing;
using ActionNet.Vision.Clips;
using ActionNet.Vision.Frames;
using ActionNet.Vision.Sources;
using ActionNet.Vision.Synthetic;

namespace ActionNet.Cli.Benchmarks;

/// <summary>
/// Times the per-frame path from a video file to the model's input tensor on one thread: decode
/// (OpenCV), resize + BGR to RGB into a preallocated window ring, then normalise + pack a window of
/// T frames into a pooled float buffer every T frames.
/// </summary>
public static class PreprocessBenchmark
{
    /// <summary>Generates a synthetic video of <paramref name="width"/> x <paramref name="height"/> and times the stages on it.</summary>
    public static PreprocessResult Run(int width, int height, int frames, ModelInputSpec spec, string workFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Directory.CreateDirectory(workFolder);
        var video = Path.Combine(workFolder, $"bench-{width}x{height}-{frames}.mp4");
        if (!File.Exists(video))
        {
            SyntheticVideo.Write(video, "run", frames, width, height);
        }

        // Decode alone first, so the per-stage split below can subtract it.
        var decode = Stopwatch.StartNew();
        using (var reader = VideoFileReader.Open(video))
        {
            reader.ReadAll((_, _) => { }, cancellationToken);
        }

        decode.Stop();

        using var preprocessor = new FramePreprocessor(spec.Height, spec.Width);
        var ring = new byte[spec.Frames * preprocessor.FrameBytes];
        var clip = new ClipFrames(FrameKind.Rgb, spec.Frames, spec.Height, spec.Width, ring);
        var tensor = ArrayPool<float>.Shared.Rent(spec.ElementsPerClip);
        var resize = new Stopwatch();
        var pack = new Stopwatch();
        var windows = 0;
        long allocated = 0;
        using (var reader = VideoFileReader.Open(video))
        {
            reader.ReadAll(
                (index, frame) =>
                {
                    var start = GC.GetAllocatedBytesForCurrentThread();
                    resize.Start();
                    preprocessor.Process(frame, clip.Frame(index % spec.Frames));
                    resize.Stop();
                    if (index % spec.Frames == spec.Frames - 1)
                    {
                        pack.Start();
                        ClipPacker.Pack(clip, spec, tensor.AsSpan(0, spec.ElementsPerClip));
                        pack.Stop();
                        windows++;
                    }

                    allocated += GC.GetAllocatedBytesForCurrentThread() - start;
                },
                cancellationToken);
        }

        ArrayPool<float>.Shared.Return(tensor);
        double decodeMs = decode.Elapsed.TotalMilliseconds / frames;
        double resizeMs = resize.Elapsed.TotalMilliseconds / frames;
        double packMs = pack.Elapsed.TotalMilliseconds / frames;
        double totalMs = decodeMs + resizeMs + packMs;
        return new PreprocessResult(
            $"{width}x{height}",
            frames,
            decodeMs,
            resizeMs,
            packMs,
            windows == 0 ? 0 : pack.Elapsed.TotalMilliseconds / windows,
            totalMs,
            1000.0 / totalMs,
            allocated / (double)frames);
    }
}
