using ActionNet.Vision.Sources;

namespace ActionNet.Streams.Tests;

/// <summary>Source settings with short timeouts, so failures in tests show up in seconds.</summary>
public static class TestOptions
{
    public static FfmpegSourceOptions Fast { get; } = new()
    {
        IoTimeout = TimeSpan.FromSeconds(2),
        StallTimeout = TimeSpan.FromSeconds(5),
        ProbeTimeout = TimeSpan.FromSeconds(10),
    };

    public static ReconnectPolicy QuickRetries { get; } = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(100),
        MaxDelay = TimeSpan.FromMilliseconds(500),
    };

    /// <summary>Reads up to <paramref name="count"/> frames; returns how many arrived before the end of the stream.</summary>
    public static int ReadFrames(IFrameSource source, OpenCvSharp.Mat frame, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!source.Read(frame))
            {
                return i;
            }
        }

        return count;
    }
}
