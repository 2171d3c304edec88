namespace ActionNet.Vision.Clips;

/// <summary>
/// Chooses which source frames make up each clip, following TAO's
/// <c>dataloader/build_data_loader.py</c> and the ActionRecognitionNet model card.
/// Every returned index is taken modulo the frame count, so a video shorter than the clip wraps
/// around. For optical-flow models sample over the F - 1 flow frames of an F-frame video: flow
/// frame i is the pair of RGB frames (i, i + 1).
/// </summary>
public static class ClipSampler
{
    /// <summary>Segments TAO's conv mode averages over.</summary>
    public const int DefaultSegments = 10;

    /// <summary>
    /// Returns the source frame indices of every clip, in clip order.
    /// <list type="bullet">
    /// <item><see cref="SamplingMode.Center"/>: start = max(0, floor((F - T + 1) / 2)); 128 frames with T = 32 give 48..79.</item>
    /// <item><see cref="SamplingMode.Conv"/>: tick = (F - T + 1) / segments; clip x starts at floor(tick / 2 + tick * x).
    /// When F &lt; T every offset is 0 and a single clip is returned. TAO's loader appends the first clip
    /// twice, which over-weights it in the mean; that bug is deliberately not reproduced.</item>
    /// <item><see cref="SamplingMode.All"/>: clips starting at 0, T, 2T, ... while start + T &lt;= F; one wrapping clip at 0 when none fits.</item>
    /// </list>
    /// </summary>
    /// <param name="frameCount">Frames available (F): RGB frames, or flow frames for flow models.</param>
    /// <param name="clipLength">Frames per clip (T).</param>
    /// <param name="mode">The sampling rule.</param>
    /// <param name="segments">Clips in conv mode (TAO uses 10).</param>
    public static IReadOnlyList<int[]> Sample(int frameCount, int clipLength, SamplingMode mode, int segments = DefaultSegments)
    {
        if (frameCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(frameCount), frameCount, "a clip needs at least one frame to sample from (frame count must be >= 1)");
        }

        if (clipLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(clipLength), clipLength, "clip length (T) must be >= 1");
        }

        if (segments < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(segments), segments, "conv sampling needs at least one segment");
        }

        return mode switch
        {
            SamplingMode.Center => [Clip(Math.Max(0, (frameCount - clipLength + 1) / 2), clipLength, frameCount)],
            SamplingMode.Conv => Conv(frameCount, clipLength, segments),
            SamplingMode.All => All(frameCount, clipLength),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown sampling mode"),
        };
    }

    private static int[][] Conv(int frameCount, int clipLength, int segments)
    {
        double tick = (frameCount - clipLength + 1) / (double)segments;
        if (tick <= 0)
        {
            return [Clip(0, clipLength, frameCount)];
        }

        var clips = new int[segments][];
        for (int x = 0; x < segments; x++)
        {
            clips[x] = Clip((int)Math.Floor((tick / 2.0) + (tick * x)), clipLength, frameCount);
        }

        return clips;
    }

    private static List<int[]> All(int frameCount, int clipLength)
    {
        var clips = new List<int[]>();
        for (int start = 0; start + clipLength <= frameCount; start += clipLength)
        {
            clips.Add(Clip(start, clipLength, frameCount));
        }

        if (clips.Count == 0)
        {
            clips.Add(Clip(0, clipLength, frameCount));
        }

        return clips;
    }

    private static int[] Clip(int start, int clipLength, int frameCount)
    {
        var indices = new int[clipLength];
        for (int t = 0; t < clipLength; t++)
        {
            indices[t] = (start + t) % frameCount;
        }

        return indices;
    }
}
