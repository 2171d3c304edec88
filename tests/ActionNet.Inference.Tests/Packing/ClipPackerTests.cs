using ActionNet.Inference.Contracts;
using ActionNet.Inference.Packing;
using ActionNet.Inference.Tests.Support;
using ActionNet.Vision.Clips;

namespace ActionNet.Inference.Tests.Packing;

public sealed class ClipPackerTests
{
    [Fact]
    public void NormalisationMapsZeroToMinusOneAndFullToOne()
    {
        Assert.Equal(-1f, ClipPacker.Normalise(0));
        Assert.Equal(1f, ClipPacker.Normalise(255));
        Assert.Equal(256, ClipPacker.NormalisationTable.Length);
        for (var x = 0; x < 256; x++)
        {
            Assert.Equal(Clips.Normalised(x), ClipPacker.Normalise((byte)x), 6);
        }
    }

    [Theory]
    [InlineData(TensorLayout.Packed2D, FrameKind.Rgb)]
    [InlineData(TensorLayout.Volumetric3D, FrameKind.Rgb)]
    [InlineData(TensorLayout.Packed2D, FrameKind.Flow)]
    [InlineData(TensorLayout.Volumetric3D, FrameKind.Flow)]
    public void EverySourceBytePacksToChannelMajorThenFrameThenRowThenColumn(TensorLayout layout, FrameKind kind)
    {
        const int frames = 3;
        const int height = 4;
        const int width = 5;
        var channels = ClipFrames.ChannelsOf(kind);
        var clip = Clips.Random(kind, frames, height, width, seed: 7);
        var spec = new ModelInputSpec("input", kind, layout, channels, frames, height, width);
        var packed = new float[spec.ElementsPerClip];

        ClipPacker.Pack(clip, spec, packed);

        for (var c = 0; c < channels; c++)
        {
            for (var t = 0; t < frames; t++)
            {
                for (var y = 0; y < height; y++)
                {
                    for (var x = 0; x < width; x++)
                    {
                        var source = clip.Data[(((((t * height) + y) * width) + x) * channels) + c];
                        var target = (c * frames * height * width) + (t * height * width) + (y * width) + x;
                        Assert.Equal(Clips.Normalised(source), packed[target], 6);
                    }
                }
            }
        }
    }

    [Fact]
    public void PackingWritesOnlyItsOwnSliceOfTheDestination()
    {
        var spec = new ModelInputSpec("input_rgb", FrameKind.Rgb, TensorLayout.Packed2D, 3, 2, 2, 2);
        var destination = Enumerable.Repeat(42f, spec.ElementsPerClip + 5).ToArray();

        ClipPacker.Pack(Clips.Uniform(FrameKind.Rgb, 2, 2, 2, (_, _) => 0), spec, destination);

        Assert.All(destination[..spec.ElementsPerClip], v => Assert.Equal(-1f, v));
        Assert.All(destination[spec.ElementsPerClip..], v => Assert.Equal(42f, v));
    }

    [Fact]
    public void PackingAllocatesNothingOnTheManagedHeap()
    {
        var spec = new ModelInputSpec("input_rgb", FrameKind.Rgb, TensorLayout.Packed2D, 3, 8, 32, 32);
        var clip = Clips.Random(FrameKind.Rgb, 8, 32, 32, seed: 1);
        var destination = new float[spec.ElementsPerClip];
        ClipPacker.Pack(clip, spec, destination);

        var before = GC.GetAllocatedBytesForCurrentThread();
        ClipPacker.Pack(clip, spec, destination);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData(FrameKind.Flow, 4, 6, 5)]
    [InlineData(FrameKind.Rgb, 3, 6, 5)]
    [InlineData(FrameKind.Rgb, 4, 5, 5)]
    [InlineData(FrameKind.Rgb, 4, 6, 6)]
    public void AClipOfTheWrongKindOrSizeIsRejectedWithOneLine(FrameKind kind, int frames, int height, int width)
    {
        var spec = new ModelInputSpec("input_rgb", FrameKind.Rgb, TensorLayout.Packed2D, 3, 4, 6, 5);
        var clip = Clips.Random(kind, frames, height, width, seed: 2);

        var error = Assert.Throws<ArgumentException>(() => ClipPacker.Pack(clip, spec, new float[spec.ElementsPerClip]));

        Assert.Contains("expected Rgb T=4 6x5", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message.Split(" (Parameter")[0]);
    }

    [Fact]
    public void ADestinationShorterThanOneClipIsRejected()
    {
        var spec = new ModelInputSpec("input_of", FrameKind.Flow, TensorLayout.Volumetric3D, 2, 2, 2, 2);

        var error = Assert.Throws<ArgumentException>(() => ClipPacker.Pack(Clips.Random(FrameKind.Flow, 2, 2, 2, 3), spec, new float[spec.ElementsPerClip - 1]));

        Assert.Contains($"expected at least {spec.ElementsPerClip}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShapesAreChannelTimesFramesFor2DAndChannelsThenFramesFor3D()
    {
        var packed = new ModelInputSpec("input_rgb", FrameKind.Rgb, TensorLayout.Packed2D, 3, 32, 224, 224);
        var volumetric = packed with { Layout = TensorLayout.Volumetric3D };

        Assert.Equal([4L, 96, 224, 224], ClipPacker.ShapeOf(packed, 4));
        Assert.Equal([4L, 3, 32, 224, 224], ClipPacker.ShapeOf(volumetric, 4));
    }
}
