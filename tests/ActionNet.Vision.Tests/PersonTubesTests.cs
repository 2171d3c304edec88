using ActionNet.Vision.Clips;
using ActionNet.Vision.Detection;
using ActionNet.Vision.Frames;
using ActionNet.Vision.Tracking;
using OpenCvSharp;

namespace ActionNet.Vision.Tests;

/// <summary>Person tubes: crops of each confirmed track at model size, buffers keyed by track id, freed when tracks end, capped per camera.</summary>
public sealed class PersonTubesTests
{
    private static readonly ClipSpec Spec = new(4, 16, 8, NeedsRgb: true, NeedsFlow: false);
    private static readonly Scalar Grey = new(128, 128, 128);
    private static readonly Scalar Red = new(0, 0, 255);
    private static readonly Scalar Blue = new(255, 0, 0);

    [Fact]
    public void ATubeIsThePersonsBoxResizedToTheModelSizeInRgb()
    {
        using var tubes = new PersonTubes(Spec, new TubeOptions());
        var box = new PixelBox(40, 20, 80, 90);
        using var frame = Frame((box, Red));

        var windows = Feed(tubes, 4, _ => frame, _ => [Track(1, box)]);

        var window = Assert.Single(windows);
        Assert.Equal((1, box), (window.TrackId, window.Box));
        Assert.Equal(3, window.Window.LastSourceIndex);
        var rgb = window.Window.Clip.Rgb!;
        Assert.Equal((16, 8), (rgb.Height, rgb.Width));
        Assert.All(Pixels(rgb.Frame(3)), p => Assert.Equal((255, 0, 0), p));

        // The same crop, resize and colour order as the preprocessor applied to the region directly.
        using var preprocessor = new FramePreprocessor(16, 8);
        var expected = new byte[Spec.RgbFrameBytes];
        preprocessor.Process(frame, expected, new Rect(40, 20, 40, 70));
        Assert.Equal(expected, rgb.Frame(0).ToArray());
    }

    [Fact]
    public void CropsAreIntegerPixelsRoundedOutwardsWithContextAndClampedToTheFrame()
    {
        Assert.Equal(new Rect(10, 5, 41, 56), PersonTubes.CropOf(new PixelBox(10.4f, 5.6f, 50.2f, 60.9f), 0, 200, 100));
        Assert.Equal(new Rect(30, 10, 60, 60), PersonTubes.CropOf(new PixelBox(40, 20, 80, 60), 0.25f, 200, 100));
        Assert.Equal(new Rect(0, 0, 30, 100), PersonTubes.CropOf(new PixelBox(-20, -10, 30, 120), 0, 200, 100));
        Assert.Null(PersonTubes.CropOf(new PixelBox(210, 10, 250, 60), 0, 200, 100));
    }

    [Fact]
    public void ContextAddsTheSurroundingsToTheCrop()
    {
        using var tight = new PersonTubes(Spec, new TubeOptions());
        using var wide = new PersonTubes(Spec, new TubeOptions { Context = 0.5f });
        var box = new PixelBox(40, 20, 80, 90);
        using var frame = Frame((box, Red));

        var inTight = Feed(tight, 4, _ => frame, _ => [Track(1, box)]).Single().Window.Clip.Rgb!.Frame(0).ToArray();
        var inWide = Feed(wide, 4, _ => frame, _ => [Track(1, box)]).Single().Window.Clip.Rgb!.Frame(0).ToArray();

        // The wide crop is (20, 0) to (100, 100) after clamping: the 40 x 70 person fills 35 % of it.
        Assert.All(Pixels(inTight), p => Assert.Equal((255, 0, 0), p));
        var red = Pixels(inWide).Count(p => p == (255, 0, 0));
        Assert.InRange(red, 8 * 16 * 0.35 * 0.8, 8 * 16 * 0.35 * 1.2);
        Assert.Equal((128, 128, 128), Pixels(inWide)[0]);
    }

    [Fact]
    public void TubesAreKeyedByTrackIdNotByBox()
    {
        // Red (track 1) walks right above, blue (track 2) walks left below; by frame 4 they have swapped sides.
        using var tubes = new PersonTubes(Spec, new TubeOptions { Stride = 4 });
        PixelBox RedBox(int f) => new(20 + (f * 20), 10, 50 + (f * 20), 50);
        PixelBox BlueBox(int f) => new(160 - (f * 20), 55, 190 - (f * 20), 95);
        var frames = Enumerable.Range(0, 8).Select(f => Frame((RedBox(f), Red), (BlueBox(f), Blue))).ToList();

        var windows = Feed(tubes, 8, f => frames[f], f => [Track(1, RedBox(f)), Track(2, BlueBox(f))]);

        Assert.Equal([1, 2, 1, 2], windows.Select(w => w.TrackId));
        Assert.All(windows.Where(w => w.TrackId == 1), w => Assert.All(Enumerable.Range(0, 4), t => Assert.Equal((255, 0, 0), Pixels(w.Window.Clip.Rgb!.Frame(t))[60])));
        Assert.All(windows.Where(w => w.TrackId == 2), w => Assert.All(Enumerable.Range(0, 4), t => Assert.Equal((0, 0, 255), Pixels(w.Window.Clip.Rgb!.Frame(t))[60])));
        Assert.Equal(RedBox(7), windows[2].Box);
        frames.ForEach(f => f.Dispose());
    }

    [Fact]
    public void AnEndedTrackFreesItsBufferAndANewIdStartsAFreshTube()
    {
        using var tubes = new PersonTubes(Spec, new TubeOptions());
        var box = new PixelBox(40, 20, 80, 90);
        using var frame = Frame((box, Red));
        Feed(tubes, 6, _ => frame, _ => [Track(1, box)]);
        Assert.Equal([1], tubes.TrackIds);

        // Track 1 ends; track 2 takes the very same box and needs T frames of its own before its first window.
        var after = Enumerable.Range(6, 4).Select(i => tubes.Push(i, TimeSpan.Zero, frame, [Track(2, box)], i == 6 ? [1] : [])).ToList();

        Assert.Equal([2], tubes.TrackIds);
        Assert.Equal([0, 0, 0, 1], after.Select(w => w.Count));
        Assert.Equal(6, after[^1][0].Window.FirstSourceIndex);
        Assert.Equal(0, after[^1][0].Window.Sequence);
    }

    [Fact]
    public void TracksOverTheCapAreDroppedLargestFirstAndCounted()
    {
        using var tubes = new PersonTubes(Spec, new TubeOptions { MaxTracks = 1 });
        var big = new PixelBox(10, 10, 60, 90);
        var small = new PixelBox(100, 40, 120, 80);
        var grown = new PixelBox(90, 5, 150, 95);
        using var frame = Frame((big, Red), (small, Blue));
        using var later = Frame((big, Red), (grown, Blue));

        var first = Feed(tubes, 10, _ => frame, _ => [Track(1, big), Track(2, small)]);
        Assert.All(first, w => Assert.Equal(1, w.TrackId));
        Assert.Equal(7, first.Count);
        Assert.Equal(10, tubes.Dropped[TubeDropReason.OverTrackCap]);
        Assert.Equal([1], tubes.TrackIds);

        // Person 2 comes nearer and is now the larger: it takes the place, and person 1's buffer goes.
        var second = Enumerable.Range(10, 4).SelectMany(i => tubes.Push(i, TimeSpan.Zero, later, [Track(1, big), Track(2, grown)], [])).ToList();
        Assert.Equal(2, Assert.Single(second).TrackId);
        Assert.Equal([2], tubes.TrackIds);
        Assert.Equal(14, tubes.Dropped[TubeDropReason.OverTrackCap]);
        Assert.Equal(0, tubes.Dropped[TubeDropReason.OutsideFrame]);
    }

    [Fact]
    public void OnlyConfirmedTracksAreCutAndABoxOutsideTheFrameIsCountedAsDropped()
    {
        using var tubes = new PersonTubes(Spec, new TubeOptions());
        var box = new PixelBox(40, 20, 80, 90);
        using var frame = Frame((box, Red));

        var windows = Feed(tubes, 8, _ => frame, _ =>
            [Track(1, box, TrackState.Tentative), Track(2, box, TrackState.Lost), Track(3, new PixelBox(250, 10, 300, 90))]);

        Assert.Empty(windows);
        Assert.Empty(tubes.TrackIds);
        Assert.Equal(8, tubes.Dropped[TubeDropReason.OutsideFrame]);
    }

    [Fact]
    public void StrideSubsampleAndFlowWorkPerTubeAsForWholeFrames()
    {
        var spec = new ClipSpec(3, 32, 32, NeedsRgb: true, NeedsFlow: true);
        using var tubes = new PersonTubes(spec, new TubeOptions { Stride = 2, Subsample = 1 });
        using var reference = new WindowBuffer(spec, stride: 2, subsample: 1);
        var frames = Enumerable.Range(0, 20).Select(i => SyntheticFrames.Texture(200, 100, shiftX: i)).ToList();
        var box = new PixelBox(50, 20, 90, 80);

        var windows = Feed(tubes, 20, f => frames[f], _ => [Track(7, box)]);

        var expected = new List<ClipWindow>();
        using var preprocessor = new FramePreprocessor(32, 32);
        var rgb = new byte[spec.RgbFrameBytes];
        for (var i = 0; i < 20; i++)
        {
            preprocessor.Process(frames[i], rgb, new Rect(50, 20, 40, 60));
            if (reference.Push(i, TimeSpan.FromMilliseconds(40 * i), rgb) is { } window)
            {
                expected.Add(window);
            }
        }

        Assert.Equal(expected.Select(w => (w.FirstSourceIndex, w.LastSourceIndex)), windows.Select(w => (w.Window.FirstSourceIndex, w.Window.LastSourceIndex)));
        Assert.Equal(expected[^1].Clip.Flow!.Data, windows[^1].Window.Clip.Flow!.Data);
        Assert.Equal(expected[^1].Clip.Rgb!.Data, windows[^1].Window.Clip.Rgb!.Data);
        frames.ForEach(f => f.Dispose());
    }

    [Theory]
    [InlineData(nameof(TubeOptions.Stride))]
    [InlineData(nameof(TubeOptions.Subsample))]
    [InlineData(nameof(TubeOptions.Context))]
    [InlineData(nameof(TubeOptions.MaxTracks))]
    public void OptionsOutOfRangeAreRejectedNamingTheSetting(string setting)
    {
        var options = setting switch
        {
            nameof(TubeOptions.Stride) => new TubeOptions { Stride = 0 },
            nameof(TubeOptions.Subsample) => new TubeOptions { Subsample = -1 },
            nameof(TubeOptions.Context) => new TubeOptions { Context = -0.1f },
            _ => new TubeOptions { MaxTracks = 0 },
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PersonTubes(Spec, options));
        Assert.Equal(setting, error.ParamName);
    }

    private static TrackedPerson Track(int id, PixelBox box, TrackState state = TrackState.Confirmed) => new(id, box, box, 0.9f, 5, 5, 0, state);

    private static Mat Frame(params (PixelBox Box, Scalar Colour)[] people)
    {
        var frame = new Mat(100, 200, MatType.CV_8UC3, Grey);
        foreach (var (box, colour) in people)
        {
            Cv2.Rectangle(frame, new Rect((int)box.X1, (int)box.Y1, (int)box.Width, (int)box.Height), colour, -1);
        }

        return frame;
    }

    private static List<PersonWindow> Feed(PersonTubes tubes, int frames, Func<int, Mat> frame, Func<int, IReadOnlyList<TrackedPerson>> tracks) =>
        [.. Enumerable.Range(0, frames).SelectMany(i => tubes.Push(i, TimeSpan.FromMilliseconds(40 * i), frame(i), tracks(i), []))];

    private static List<(int R, int G, int B)> Pixels(ReadOnlySpan<byte> rgb)
    {
        var pixels = new List<(int, int, int)>(rgb.Length / 3);
        for (var i = 0; i + 2 < rgb.Length; i += 3)
        {
            pixels.Add((rgb[i], rgb[i + 1], rgb[i + 2]));
        }

        return pixels;
    }
}
