using ActionNet.Vision.Clips;

namespace ActionNet.Vision.Tests;

public sealed class ClipSamplerTests
{
    [Fact]
    public void CenterSamplingPicksFrames48To79Of128()
    {
        var clips = ClipSampler.Sample(128, 32, SamplingMode.Center);

        var clip = Assert.Single(clips);
        Assert.Equal(Enumerable.Range(48, 32), clip);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(100)]
    [InlineData(128)]
    [InlineData(300)]
    public void ConvSamplingGivesTenClipsAtTheTaoOffsets(int frames)
    {
        const int T = 32;
        var clips = ClipSampler.Sample(frames, T, SamplingMode.Conv);

        Assert.Equal(10, clips.Count);
        double tick = (frames - T + 1) / 10.0;
        for (int x = 0; x < 10; x++)
        {
            int offset = (int)Math.Floor((tick / 2) + (tick * x));
            Assert.Equal(Enumerable.Range(offset, T).Select(i => i % frames), clips[x]);
        }
    }

    [Fact]
    public void ConvSamplingDoesNotRepeatTheFirstClipAsTaoDoes()
    {
        var clips = ClipSampler.Sample(300, 32, SamplingMode.Conv);

        Assert.Equal(clips.Count, clips.Select(c => c[0]).Distinct().Count());
        Assert.Equal([13, 40, 67, 94, 121, 147, 174, 201, 228, 255], clips.Select(c => c[0]));
    }

    [Theory]
    [InlineData(SamplingMode.Center)]
    [InlineData(SamplingMode.Conv)]
    [InlineData(SamplingMode.All)]
    public void ShortVideosGiveOneClipThatWraps(SamplingMode mode)
    {
        var clips = ClipSampler.Sample(5, 8, mode);

        var clip = Assert.Single(clips);
        Assert.Equal([0, 1, 2, 3, 4, 0, 1, 2], clip);
    }

    [Fact]
    public void AllSamplingCutsNonOverlappingClipsThatFit()
    {
        var clips = ClipSampler.Sample(100, 32, SamplingMode.All);

        Assert.Equal([0, 32, 64], clips.Select(c => c[0]));
        Assert.All(clips, c => Assert.Equal(Enumerable.Range(c[0], 32), c));
    }

    [Fact]
    public void AllSamplingIncludesAClipEndingExactlyAtTheLastFrame()
    {
        var clips = ClipSampler.Sample(64, 32, SamplingMode.All);

        Assert.Equal([0, 32], clips.Select(c => c[0]));
    }

    [Theory]
    [InlineData(0, 32)]
    [InlineData(10, 0)]
    public void InvalidFrameCountsOrLengthsAreRejected(int frames, int length)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ClipSampler.Sample(frames, length, SamplingMode.Center));

        Assert.Contains(">= 1", error.Message, StringComparison.Ordinal);
    }
}
