using ActionNet.Vision.Clips;

namespace ActionNet.Inference.Tests.Support;

/// <summary>Builds clips whose bytes are known.</summary>
public static class Clips
{
    /// <summary>A clip where every pixel of frame t has channel c = <paramref name="value"/>(t, c).</summary>
    public static ClipFrames Uniform(FrameKind kind, int frames, int height, int width, Func<int, int, int> value)
    {
        var channels = ClipFrames.ChannelsOf(kind);
        var data = new byte[frames * height * width * channels];
        for (var t = 0; t < frames; t++)
        {
            for (var p = 0; p < height * width; p++)
            {
                for (var c = 0; c < channels; c++)
                {
                    data[(((t * height * width) + p) * channels) + c] = checked((byte)value(t, c));
                }
            }
        }

        return new ClipFrames(kind, frames, height, width, data);
    }

    /// <summary>A clip of seeded random bytes.</summary>
    public static ClipFrames Random(FrameKind kind, int frames, int height, int width, int seed)
    {
        var data = new byte[frames * height * width * ClipFrames.ChannelsOf(kind)];
        new Random(seed).NextBytes(data);
        return new ClipFrames(kind, frames, height, width, data);
    }

    /// <summary>The normalisation the contract prescribes, computed independently of the packer.</summary>
    public static float Normalised(int value) => (float)(((value / 255.0) - 0.5) / 0.5);
}
