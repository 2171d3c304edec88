using ActionNet.Vision.Flow;
using ActionNet.Vision.Frames;
using ActionNet.Vision.Sources;
using OpenCvSharp;

namespace ActionNet.Vision.Clips;

/// <summary>
/// Cuts the clips a model scores from a whole video or a TAO frame folder (offline evaluation).
/// Video frames are decoded once and preprocessed once to model-resolution RGB. Flow models sample
/// over the F - 1 flow frames (flow frame i = pair (i, i+1)); flow is computed with Farneback only
/// for the pairs the sampled clips use, each once. A joint model's RGB clip is frames i..i+T-1 and
/// its flow clip pairs (i, i+1)..(i+T-1, i+T). Short sources wrap (index mod F).
/// Holds reusable native buffers: not thread-safe.
/// </summary>
public sealed class ClipBuilder : IDisposable
{
    private readonly FramePreprocessor _preprocessor;
    private readonly FarnebackFlow _flow = new();
    private readonly Mat _u = new();
    private readonly Mat _v = new();

    /// <summary>Creates a builder for clips of <paramref name="spec"/>.</summary>
    public ClipBuilder(ClipSpec spec, ResizeMode resize = ResizeMode.Stretch)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Spec = spec;
        _preprocessor = new FramePreprocessor(spec.Height, spec.Width, resize);
    }

    /// <summary>The clip shape produced.</summary>
    public ClipSpec Spec { get; }

    /// <summary>
    /// Decodes a video file and cuts its clips. Throws <see cref="VideoSourceException"/> when the
    /// file cannot be read, decodes no frame, or has a single frame for a flow model.
    /// A truncated file yields clips from the frames that did decode; see <see cref="ClipSet.Decode"/>.
    /// </summary>
    public ClipSet FromVideo(string path, SamplingMode mode, Rect? region = null, int segments = ClipSampler.DefaultSegments, CancellationToken cancellationToken = default)
    {
        using var reader = VideoFileReader.Open(path);
        var frames = new List<byte[]>(Math.Max(reader.FramesClaimed, 1));
        var report = reader.ReadAll(
            (_, frame) =>
            {
                var rgb = new byte[Spec.RgbFrameBytes];
                _preprocessor.Process(frame, rgb, region);
                frames.Add(rgb);
            },
            cancellationToken);
        return FromFrames(frames, mode, segments, Path.GetFileName(path)) with { Decode = report };
    }

    /// <summary>
    /// Cuts clips from frames already preprocessed to model-resolution RGB (uint8 H x W x 3 each).
    /// <paramref name="sourceName"/> names the source in error messages.
    /// </summary>
    public ClipSet FromFrames(IReadOnlyList<byte[]> rgbFrames, SamplingMode mode, int segments = ClipSampler.DefaultSegments, string sourceName = "the video")
    {
        ArgumentNullException.ThrowIfNull(rgbFrames);
        int count = rgbFrames.Count;
        RequireFrames(count, sourceName);
        int frameBytes = Spec.RgbFrameBytes;
        var flowCache = new byte[]?[Spec.NeedsFlow ? count - 1 : 0];
        var clips = new List<ClipInput>();
        foreach (var indices in ClipSampler.Sample(Spec.NeedsFlow ? count - 1 : count, Spec.Length, mode, segments))
        {
            var rgb = Spec.NeedsRgb ? Concatenate(FrameKind.Rgb, indices, i => rgbFrames[i]) : null;
            var flow = Spec.NeedsFlow
                ? Concatenate(FrameKind.Flow, indices, i => flowCache[i] ??= Flow(rgbFrames[i], rgbFrames[i + 1]))
                : null;
            clips.Add(new ClipInput(indices, rgb, flow));
        }

        return new ClipSet(clips, count, null);

        byte[] Flow(byte[] previous, byte[] next)
        {
            if (previous.Length < frameBytes || next.Length < frameBytes)
            {
                throw new ArgumentException($"preprocessed frames must hold {frameBytes} bytes ({Spec.Height}x{Spec.Width}x3)", nameof(rgbFrames));
            }

            var uv = new byte[Spec.FlowFrameBytes];
            _flow.ComputeRgb(previous, next, Spec.Height, Spec.Width, uv);
            return uv;
        }
    }

    /// <summary>
    /// Cuts clips from a TAO clip folder: RGB images preprocessed like video frames, u/ and v/
    /// flow images resized bilinearly to model resolution and interleaved. Flow models sample over
    /// the flow images; only the images the clips use are read, each once.
    /// </summary>
    public ClipSet FromDirectory(FramesDirectory clip, SamplingMode mode, Rect? region = null, int segments = ClipSampler.DefaultSegments)
    {
        ArgumentNullException.ThrowIfNull(clip);
        if (Spec.NeedsRgb && !clip.HasRgb)
        {
            throw new VideoSourceException($"clip folder '{clip.Path}' has no images in rgb/, which an RGB model needs");
        }

        if (Spec.NeedsFlow && !clip.HasFlow)
        {
            throw new VideoSourceException($"clip folder '{clip.Path}' has no images in u/ and v/, which an optical-flow model needs");
        }

        int count = Spec.NeedsFlow ? clip.UFiles.Count : clip.RgbFiles.Count;
        var rgbCache = new Dictionary<int, byte[]>();
        var flowCache = new Dictionary<int, byte[]>();
        var clips = new List<ClipInput>();
        foreach (var indices in ClipSampler.Sample(count, Spec.Length, mode, segments))
        {
            var rgb = Spec.NeedsRgb ? Concatenate(FrameKind.Rgb, indices, i => Cached(rgbCache, i % clip.RgbFiles.Count, ReadRgb)) : null;
            var flow = Spec.NeedsFlow ? Concatenate(FrameKind.Flow, indices, i => Cached(flowCache, i, ReadFlow)) : null;
            clips.Add(new ClipInput(indices, rgb, flow));
        }

        return new ClipSet(clips, clip.HasRgb ? clip.RgbFiles.Count : count, null);

        byte[] ReadRgb(int index)
        {
            using var image = clip.ReadRgb(index);
            var rgb = new byte[Spec.RgbFrameBytes];
            _preprocessor.Process(image, rgb, region);
            return rgb;
        }

        byte[] ReadFlow(int index)
        {
            using (var u = clip.ReadU(index))
            {
                _preprocessor.Resize(u, _u, region);
            }

            using (var v = clip.ReadV(index))
            {
                _preprocessor.Resize(v, _v, region);
            }

            return Interleave(_u, _v);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _preprocessor.Dispose();
        _flow.Dispose();
        _u.Dispose();
        _v.Dispose();
    }

    private static byte[] Cached(Dictionary<int, byte[]> cache, int index, Func<int, byte[]> load)
    {
        if (!cache.TryGetValue(index, out var frame))
        {
            frame = load(index);
            cache[index] = frame;
        }

        return frame;
    }

    private unsafe byte[] Interleave(Mat u, Mat v)
    {
        var uv = new byte[Spec.FlowFrameBytes];
        fixed (byte* target = uv)
        {
            using var merged = Mat.FromPixelData(Spec.Height, Spec.Width, MatType.CV_8UC2, (IntPtr)target);
            Cv2.Merge([u, v], merged);
        }

        return uv;
    }

    private ClipFrames Concatenate(FrameKind kind, int[] indices, Func<int, byte[]> frameAt)
    {
        int frameBytes = kind == FrameKind.Rgb ? Spec.RgbFrameBytes : Spec.FlowFrameBytes;
        var data = new byte[indices.Length * frameBytes];
        for (int t = 0; t < indices.Length; t++)
        {
            frameAt(indices[t]).AsSpan(0, frameBytes).CopyTo(data.AsSpan(t * frameBytes, frameBytes));
        }

        return new ClipFrames(kind, indices.Length, Spec.Height, Spec.Width, data);
    }

    private void RequireFrames(int count, string sourceName)
    {
        if (count == 0)
        {
            throw new VideoSourceException($"'{sourceName}' has no decodable frames (expected a video with at least one frame)");
        }

        if (Spec.NeedsFlow && count == 1)
        {
            throw new VideoSourceException($"'{sourceName}' has only 1 frame; an optical-flow model needs at least 2 (one frame pair)");
        }
    }
}
