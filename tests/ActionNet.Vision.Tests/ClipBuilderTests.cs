using ActionNet.Vision.Clips;
using ActionNet.Vision.Dataset;
using ActionNet.Vision.Sources;

namespace ActionNet.Vision.Tests;

public sealed class ClipBuilderTests
{
    [Fact]
    public void RgbCenterClipOfA40FrameVideoIsFrames16To23()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("run.mp4");
        SyntheticFrames.WriteVideo(path, frames: 40);
        using var builder = new ClipBuilder(new ClipSpec(8, 16, 16, NeedsRgb: true, NeedsFlow: false));

        var set = builder.FromVideo(path, SamplingMode.Center);

        var clip = Assert.Single(set.Clips);
        Assert.Equal(Enumerable.Range(16, 8), clip.FrameIndices);
        Assert.Equal(8 * 16 * 16 * 3, clip.Rgb!.Data.Length);
        Assert.Null(clip.Flow);
        Assert.Equal(40, set.SourceFrames);
        Assert.False(set.Decode!.StoppedEarly);
    }

    [Fact]
    public void JointClipsPairRgbFrameIWithFlowPairIToIPlusOne()
    {
        const int Size = 24;
        var frames = Enumerable.Range(0, 12).Select(i => SyntheticFrames.RgbTexture(Size, Size, i % 4)).ToList();
        using var builder = new ClipBuilder(new ClipSpec(4, Size, Size, NeedsRgb: true, NeedsFlow: true));

        var set = builder.FromFrames(frames, SamplingMode.All);

        // 11 flow frames: clips at 0, 4 (8 would need flow frame 11).
        Assert.Equal([0, 4], set.Clips.Select(c => c.FrameIndices[0]));
        var second = set.Clips[1];
        Assert.Equal(frames[4], second.Rgb!.Frame(0).ToArray());
        Assert.Equal(frames[7], second.Rgb.Frame(3).ToArray());
        using var flow = new Flow.FarnebackFlow();
        var expected = new byte[Size * Size * 2];
        flow.ComputeRgb(frames[7], frames[8], Size, Size, expected);
        Assert.Equal(expected, second.Flow!.Frame(3).ToArray());
    }

    [Fact]
    public void AShortVideoWrapsAroundItsFrames()
    {
        var frames = Enumerable.Range(0, 3).Select(i => Enumerable.Repeat((byte)i, 2 * 2 * 3).ToArray()).ToList();
        using var builder = new ClipBuilder(new ClipSpec(5, 2, 2, NeedsRgb: true, NeedsFlow: false));

        var clip = Assert.Single(builder.FromFrames(frames, SamplingMode.Center).Clips);

        Assert.Equal([0, 1, 2, 0, 1], clip.FrameIndices);
        Assert.Equal(0, clip.Rgb!.Frame(3)[0]);
    }

    [Fact]
    public void AFlowModelNeedsAtLeastTwoFrames()
    {
        using var builder = new ClipBuilder(new ClipSpec(4, 2, 2, NeedsRgb: false, NeedsFlow: true));

        var error = Assert.Throws<VideoSourceException>(() => builder.FromFrames([new byte[12]], SamplingMode.Center, sourceName: "one.mp4"));

        Assert.Equal("'one.mp4' has only 1 frame; an optical-flow model needs at least 2 (one frame pair)", error.Message);
    }

    [Fact]
    public void AVideoThatIsNotAVideoIsAnError()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("notes.mp4");
        File.WriteAllText(path, "hello");
        using var builder = new ClipBuilder(new ClipSpec(4, 8, 8, NeedsRgb: true, NeedsFlow: false));

        var error = Assert.Throws<VideoSourceException>(() => builder.FromVideo(path, SamplingMode.Center));

        Assert.Contains("'notes.mp4' is not a readable video", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FlowClipsFromAPreparedFolderUseItsUAndVImages()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("videos", "walk"));
        SyntheticFrames.WriteVideo(temp.Combine("videos", "walk", "a.mp4"), frames: 10);
        new DatasetPreparer(temp.Combine("videos"), temp.Combine("out")).Prepare();
        var folder = FramesDirectory.Open(temp.Combine("out", "walk", "a"));
        using var builder = new ClipBuilder(new ClipSpec(4, 8, 8, NeedsRgb: true, NeedsFlow: true));

        var set = builder.FromDirectory(folder, SamplingMode.Center);

        var clip = Assert.Single(set.Clips);
        Assert.Equal([3, 4, 5, 6], clip.FrameIndices);
        Assert.Equal(4 * 8 * 8 * 2, clip.Flow!.Data.Length);
        Assert.Contains(clip.Flow.Data, b => b != 128);
        Assert.Equal(10, set.SourceFrames);
    }
}
