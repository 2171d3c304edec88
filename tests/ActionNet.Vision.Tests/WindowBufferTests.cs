using ActionNet.Vision.Clips;
using ActionNet.Vision.Flow;

namespace ActionNet.Vision.Tests;

public sealed class WindowBufferTests
{
    private static readonly ClipSpec RgbSpec = new(4, 2, 2, NeedsRgb: true, NeedsFlow: false);

    [Fact]
    public void Stride4Subsample1WindowsHoldEveryOtherFrameWithoutOverlap()
    {
        using var buffer = new WindowBuffer(RgbSpec, stride: 4, subsample: 1);

        var windows = Feed(buffer, 24);

        Assert.Equal(3, windows.Count);
        Assert.Equal([0, 8, 16], windows.Select(w => w.FirstSourceIndex));
        Assert.Equal([6, 14, 22], windows.Select(w => w.LastSourceIndex));
        Assert.Equal([0, 1, 2], windows.Select(w => w.Sequence));
        Assert.Equal([0, 2, 4, 6], windows[0].Clip.FrameIndices);
        Assert.Equal([8, 10, 12, 14], FramesHeld(windows[1]));
        Assert.Equal(TimeSpan.FromMilliseconds(8 * 40), windows[1].FirstTimestamp);
        Assert.Equal(TimeSpan.FromMilliseconds(14 * 40), windows[1].LastTimestamp);
    }

    [Fact]
    public void Stride1GivesAWindowPerKeptFrameAfterTheFirstFullOne()
    {
        using var buffer = new WindowBuffer(RgbSpec, stride: 1, subsample: 0);

        var windows = Feed(buffer, 7);

        Assert.Equal([0, 1, 2, 3], windows.Select(w => w.FirstSourceIndex));
        Assert.Equal([3, 4, 5, 6], FramesHeld(windows[3]));
    }

    [Fact]
    public void DroppedFramesAreKnownBeforePreprocessing()
    {
        using var buffer = new WindowBuffer(RgbSpec, stride: 1, subsample: 2);
        buffer.Push(5, TimeSpan.Zero, Frame(5));

        Assert.False(buffer.WillKeep(6));
        Assert.False(buffer.WillKeep(7));
        Assert.True(buffer.WillKeep(8));
        Assert.Null(buffer.Push(6, TimeSpan.Zero, Frame(6)));
        Assert.Equal(1, buffer.KeptFrames);
    }

    [Fact]
    public void ResetStartsANewFirstWindowButKeepsTheSequence()
    {
        using var buffer = new WindowBuffer(RgbSpec, stride: 1);
        var before = Feed(buffer, 4);

        buffer.Reset();
        var after = Enumerable.Range(100, 4).Select(i => buffer.Push(i, TimeSpan.Zero, Frame(i))).ToList();

        Assert.Single(before);
        Assert.Equal(3, after.Count(w => w is null));
        var window = Assert.IsType<ClipWindow>(after[^1]);
        Assert.Equal(100, window.FirstSourceIndex);
        Assert.Equal(1, window.Sequence);
    }

    [Fact]
    public void FlowWindowsSpanTPlusOneFramesAndReuseEachPairsFlow()
    {
        const int T = 3;
        const int Size = 32;
        var spec = new ClipSpec(T, Size, Size, NeedsRgb: true, NeedsFlow: true);
        var frames = Enumerable.Range(0, 6).Select(i => SyntheticFrames.RgbTexture(Size, Size, i)).ToList();
        using var buffer = new WindowBuffer(spec, stride: 1);

        var windows = frames.Select((f, i) => buffer.Push(i, TimeSpan.Zero, f)).OfType<ClipWindow>().ToList();

        Assert.Equal(3, windows.Count);
        var first = windows[0];
        Assert.Equal(0, first.FirstSourceIndex);
        Assert.Equal(3, first.LastSourceIndex);
        Assert.Equal([0, 1, 2], first.Clip.FrameIndices);
        Assert.Equal(frames[0], first.Clip.Rgb!.Frame(0).ToArray());
        Assert.Equal(frames[2], first.Clip.Rgb.Frame(2).ToArray());

        using var flow = new FarnebackFlow();
        var expected = new byte[spec.FlowFrameBytes];
        flow.ComputeRgb(frames[2], frames[3], Size, Size, expected);
        Assert.Equal(expected, first.Clip.Flow!.Frame(2).ToArray());
        Assert.Equal(first.Clip.Flow.Frame(1).ToArray(), windows[1].Clip.Flow!.Frame(0).ToArray());
    }

    [Fact]
    public void FlowOnlyWindowsCarryNoRgb()
    {
        var spec = new ClipSpec(2, 16, 16, NeedsRgb: false, NeedsFlow: true);
        using var buffer = new WindowBuffer(spec);

        var windows = Enumerable.Range(0, 3).Select(i => buffer.Push(i, TimeSpan.Zero, SyntheticFrames.RgbTexture(16, 16, i))).ToList();

        var window = Assert.IsType<ClipWindow>(windows[2]);
        Assert.Null(window.Clip.Rgb);
        Assert.Equal(2, window.Clip.Flow!.Length);
    }

    private static List<ClipWindow> Feed(WindowBuffer buffer, int frames)
    {
        var windows = new List<ClipWindow>();
        for (int i = 0; i < frames; i++)
        {
            if (buffer.WillKeep(i) && buffer.Push(i, TimeSpan.FromMilliseconds(i * 40), Frame(i)) is { } window)
            {
                windows.Add(window);
            }
        }

        return windows;
    }

    private static byte[] Frame(int sourceIndex) => Enumerable.Repeat((byte)sourceIndex, RgbSpec.RgbFrameBytes).ToArray();

    private static IEnumerable<int> FramesHeld(ClipWindow window) =>
        Enumerable.Range(0, window.Clip.Rgb!.Length).Select(t => (int)window.Clip.Rgb.Frame(t)[0]);
}
