using ActionNet.Vision.Detection;
using ActionNet.Vision.Sources;
using ActionNet.Vision.Synthetic;
using OpenCvSharp;

namespace ActionNet.Vision.Tests;

/// <summary>Multi-person synthetic scenes: deterministic pixels and ground truth, different actions, people who enter, leave and cross, and boxes around what is drawn.</summary>
public sealed class MultiPersonSceneTests
{
    private static readonly int[] Seeds = [.. Enumerable.Range(1, 12)];

    [Fact]
    public void TheSameSpecRendersTheSamePixelsAndBoxesInAnyFrameOrder()
    {
        var spec = new MultiPersonSceneSpec(Seed: 4, Frames: 60);
        using var first = new MultiPersonSceneRenderer(spec);
        using var second = new MultiPersonSceneRenderer(spec);
        using var a = new Mat();
        using var b = new Mat();
        foreach (var index in (int[])[0, 31, 59, 7])
        {
            first.Render(index, a);
            second.Render(index, b);
            Assert.Equal((240, 320), (a.Rows, a.Cols));
            Assert.Equal(0, Differences(a, b));
            Assert.Equal(first.Truth(index), second.Truth(index));
        }

        first.Render(7, a);
        Assert.Equal(0, Differences(a, b));
    }

    [Fact]
    public void NamingTheActionsTheSeedDrawsRendersTheSameScene()
    {
        using var drawn = new MultiPersonSceneRenderer(new MultiPersonSceneSpec(Seed: 6, Frames: 40));
        using var named = new MultiPersonSceneRenderer(new MultiPersonSceneSpec(Seed: 6, Frames: 40, Actions: drawn.Spec.Actions));
        using var other = new MultiPersonSceneRenderer(new MultiPersonSceneSpec(Seed: 6, Frames: 40, Actions: ["walk", "run"]));
        using var a = new Mat();
        using var b = new Mat();
        using var c = new Mat();
        drawn.Render(20, a);
        named.Render(20, b);
        other.Render(20, c);

        Assert.Equal(0, Differences(a, b));
        Assert.Equal(drawn.GroundTruth().Frames.SelectMany(f => f), named.GroundTruth().Frames.SelectMany(f => f));
        Assert.NotEqual(0, Differences(a, c));
    }

    [Fact]
    public void EveryPersonHasAStableIdAndTheActionsDiffer()
    {
        foreach (var seed in Seeds)
        {
            using var scene = new MultiPersonSceneRenderer(new MultiPersonSceneSpec(seed));
            var actions = scene.Spec.Actions!;
            Assert.Equal(actions.Count, actions.Distinct().Count());
            Assert.InRange(scene.People.Count, 2, 3);
            Assert.Equal(Enumerable.Range(1, scene.People.Count), scene.People.Select(p => p.Id));
            Assert.Equal(actions.Sum(MultiPersonSceneSpec.PeopleOf), scene.People.Count);
            Assert.Equal(actions.Order(), scene.People.Select(p => p.Action).Distinct().Order());
            var truth = scene.GroundTruth();
            Assert.All(truth.Frames.SelectMany(f => f), box => Assert.Equal(scene.People[box.PersonId - 1].Action, box.Action));
            Assert.All(truth.Frames, frame => Assert.Equal(frame.Count, frame.Select(b => b.PersonId).Distinct().Count()));
        }
    }

    [Fact]
    public void PeopleEnterAndLeaveTheFrameOnceWithoutWrappingAround()
    {
        int entering = 0, leaving = 0, everyone = 0;
        foreach (var seed in Seeds)
        {
            using var scene = new MultiPersonSceneRenderer(new MultiPersonSceneSpec(seed));
            var frames = scene.GroundTruth().Frames;
            foreach (var person in scene.People)
            {
                var present = frames.Select(f => f.Any(b => b.PersonId == person.Id)).ToList();
                var first = present.IndexOf(true);
                var last = present.LastIndexOf(true);
                Assert.True(first >= 0, $"seed {seed}: person {person.Id} ({person.Action}) never appears");

                // One span of presence: nobody leaves one side to come back on the other.
                Assert.All(present[first..(last + 1)], Assert.True);
                entering += first > 0 ? 1 : 0;
                leaving += last < frames.Count - 1 ? 1 : 0;
                everyone++;
            }
        }

        Assert.True(entering >= everyone / 4, $"{entering} of {everyone} people enter after the first frame");
        Assert.True(leaving >= everyone / 4, $"{leaving} of {everyone} people leave before the last frame");
    }

    [Fact]
    public void PeopleCrossEachOtherAndTheFurtherOneIsHidden()
    {
        var crossings = 0;
        foreach (var seed in Seeds)
        {
            using var scene = new MultiPersonSceneRenderer(new MultiPersonSceneSpec(seed));
            var frames = scene.GroundTruth().Frames;
            foreach (var a in scene.People)
            {
                foreach (var b in scene.People.Where(p => p.Id > a.Id))
                {
                    // Both visible, and the sign of their centres' horizontal order flips while their boxes overlap.
                    var both = frames.Select(f => (A: f.SingleOrDefault(x => x.PersonId == a.Id), B: f.SingleOrDefault(x => x.PersonId == b.Id)))
                        .Where(p => p.A is not null && p.B is not null).ToList();
                    var flips = both.Zip(both.Skip(1)).Count(p =>
                        Math.Sign(p.First.A!.Box.CenterX - p.First.B!.Box.CenterX) != Math.Sign(p.Second.A!.Box.CenterX - p.Second.B!.Box.CenterX)
                        && p.Second.A.Box.IoU(p.Second.B.Box) > 0);
                    if (flips > 0)
                    {
                        crossings++;
                        Assert.Contains(both, p => Math.Min(p.A!.Visibility, p.B!.Visibility) < 0.9f);
                    }
                }
            }
        }

        Assert.True(crossings >= 3, $"only {crossings} crossings in {Seeds.Length} scenes");
    }

    [Fact]
    public void GroundTruthBoxesHoldWhatTheRendererDrewAndLittleMore()
    {
        // No bicycles: a bicycle is drawn outside its rider's box. Everything that moves between two frames
        // lies in the people's boxes; each box reaches what is drawn (within a few pixels) on every side.
        using var a = new Mat();
        using var b = new Mat();
        var checkedBoxes = 0;
        foreach (var seed in (int[])[3, 5, 8])
        {
            using var scene = new MultiPersonSceneRenderer(new MultiPersonSceneSpec(seed, Frames: 150, Actions: ["walk", "run", "fall_floor"]));
            var truth = scene.GroundTruth();
            foreach (var (i, j) in Enumerable.Range(0, 6).Select(k => (k * 20, (k * 20) + 40)))
            {
                scene.Render(i, a);
                scene.Render(j, b);
                using var moved = Moved(a, b);
                moved.GetArray(out byte[] pixels);
                int rows = moved.Rows, cols = moved.Cols;
                var boxes = truth.Frames[i].Concat(truth.Frames[j]).Select(t => t.Box).ToList();
                for (var y = 0; y < rows; y++)
                {
                    for (var x = 0; x < cols; x++)
                    {
                        Assert.True(pixels[(y * cols) + x] == 0 || boxes.Any(box => Holds(box, x, y, margin: 2)), $"seed {seed}, frames {i}/{j}: pixel ({x},{y}) moved outside every box");
                    }
                }

                // A box alone in frame i whose person is elsewhere in frame j: what moved inside it is that person.
                foreach (var box in truth.Frames[i].Where(t => t.Visibility > 0.99f && boxes.Count(o => o.IoU(t.Box) > 0) == 1))
                {
                    var inside = Inside(pixels, cols, box.Box);
                    Assert.True(inside.Count > 0, $"seed {seed}, frame {i}: nothing moved in person {box.PersonId}'s box");
                    Assert.InRange(inside.Min(p => p.X) - box.Box.X1, -1, 4);
                    Assert.InRange(box.Box.X2 - inside.Max(p => p.X + 1), -1, 4);
                    Assert.InRange(inside.Min(p => p.Y) - box.Box.Y1, -1, 4);
                    Assert.InRange(box.Box.Y2 - inside.Max(p => p.Y + 1), -1, 4);
                    checkedBoxes++;
                }
            }
        }

        Assert.True(checkedBoxes >= 4, $"only {checkedBoxes} boxes could be checked for tightness");
    }

    [Theory]
    [InlineData("walk")]
    [InlineData("push")]
    [InlineData("walk walk")]
    [InlineData("push walk run")]
    [InlineData("fall_floor walk run ride_bike")]
    [InlineData("walk dance")]
    public void CastsThatAreNotTwoOrThreePeopleDoingDifferentActionsAreRejected(string actions)
    {
        var error = Assert.Throws<ArgumentException>(() => new MultiPersonSceneSpec(1, Actions: actions.Split(' ')).Validate());
        Assert.Equal("Actions", error.ParamName);
    }

    [Fact]
    public void AVideoIsWrittenWithItsGroundTruthBesideIt()
    {
        using var temp = new TempDirectory();
        var spec = new MultiPersonSceneSpec(Seed: 2, Frames: 20, Width: 160, Height: 120);

        var written = SyntheticVideo.Write(temp.Combine("scene.mp4"), spec);

        using (var reader = VideoFileReader.Open(temp.Combine("scene.mp4")))
        {
            var frames = 0;
            reader.ReadAll((_, frame) =>
            {
                Assert.Equal((120, 160), (frame.Rows, frame.Cols));
                frames++;
            });
            Assert.Equal(20, frames);
        }

        var read = SceneGroundTruth.Read(temp.Combine("scene.json"));
        Assert.Equal(written.Spec with { Actions = null }, read.Spec with { Actions = null });
        Assert.Equal(written.Spec.Actions, read.Spec.Actions);
        Assert.Equal(written.People, read.People);
        Assert.Equal(20, read.Frames.Count);
        Assert.Equal(written.Frames.SelectMany(f => f), read.Frames.SelectMany(f => f));
        Assert.Contains(read.Frames.SelectMany(f => f), box => !box.Box.IsEmpty);
    }

    private static bool Holds(PixelBox box, int x, int y, float margin) =>
        x + 0.5f >= box.X1 - margin && x + 0.5f <= box.X2 + margin && y + 0.5f >= box.Y1 - margin && y + 0.5f <= box.Y2 + margin;

    private static List<(int X, int Y)> Inside(byte[] mask, int cols, PixelBox box)
    {
        var points = new List<(int X, int Y)>();
        for (var y = (int)box.Y1; y < (int)Math.Ceiling(box.Y2); y++)
        {
            for (var x = (int)box.X1; x < (int)Math.Ceiling(box.X2); x++)
            {
                if (mask[(y * cols) + x] != 0)
                {
                    points.Add((x, y));
                }
            }
        }

        return points;
    }

    /// <summary>Pixels that differ by more than the sensor noise (its worst is about 10 levels) in any channel.</summary>
    private static Mat Moved(Mat a, Mat b)
    {
        using var diff = new Mat();
        Cv2.Absdiff(a, b, diff);
        var channels = diff.Split();
        using var max = new Mat();
        Cv2.Max(channels[0], channels[1], max);
        Cv2.Max(max, channels[2], max);
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        var moved = new Mat();
        Cv2.Threshold(max, moved, 24, 255, ThresholdTypes.Binary);
        return moved;
    }

    private static int Differences(Mat a, Mat b)
    {
        using var diff = new Mat();
        Cv2.Absdiff(a, b, diff);
        using var gray = diff.Reshape(1);
        return Cv2.CountNonZero(gray);
    }
}
