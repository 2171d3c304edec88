using ActionNet.Vision.Clips;
using ActionNet.Vision.Synthetic;
using ActionNet.Vision.Tracking;
using OpenCvSharp;
using Xunit.Abstractions;

namespace ActionNet.Vision.Tests;

/// <summary>Person mode end to end on the multi-person scenes, with a detector that reports the ground truth (plus noise).</summary>
public sealed class PersonWindowCutterTests(ITestOutputHelper output)
{
    private static readonly ClipSpec Clip = new(8, 64, 32, NeedsRgb: true, NeedsFlow: false);

    // Scenes the tracker follows without an id switch. It does switch in others, as an IoU tracker does when a
    // newcomer hides someone or at a push's contact: TrackerOnScenesTests measures how often over 40 scenes.
    [Theory]
    [InlineData(4, 1)]
    [InlineData(4, 3)]
    [InlineData(7, 2)]
    [InlineData(12, 3)]
    [InlineData(13, 1)]
    public void EveryPersonKeepsOneIdAndGetsWindowsOfTheirOwnCrops(int seed, int interval)
    {
        using var scene = new MultiPersonSceneRenderer(new MultiPersonSceneSpec(seed));
        var truth = scene.GroundTruth();
        using var detector = new SceneDetector(truth, seed);
        using var cutter = new PersonWindowCutter(detector, new TrackerOptions(), interval, new TubeOptions { Stride = 4 }, Clip);
        using var frame = new Mat();
        var windows = new List<PersonWindow>();
        for (var index = 0; index < truth.Frames.Count; index++)
        {
            scene.Render(index, frame);
            detector.Frame = index;
            windows.AddRange(cutter.Push(index, TimeSpan.FromMilliseconds(40 * index), frame));
            Assert.All(cutter.Tracks, t => Assert.Equal(TrackState.Confirmed, t.State));
            Assert.DoesNotContain(cutter.Tracks, t => t.Box.IoU(SceneDetector.Bag) > 0.3f);
        }

        Assert.Equal((truth.Frames.Count + interval - 1) / interval, detector.Calls);
        Assert.Equal(detector.Calls, cutter.DetectionFrames);

        // A window is a person's when its box overlaps theirs by IoU 0.5 at its last frame; mid-crossing, with one
        // of them hidden, a box may be no one's. Otherwise a track is one person and a person one track.
        var owners = windows.Select(w => (w.TrackId, Person: Owner(truth, w))).Where(o => o.Person != 0).ToList();
        Assert.True(owners.Count >= 0.95 * windows.Count, $"only {owners.Count} of {windows.Count} windows are someone's");
        var trackToPerson = owners.GroupBy(o => o.TrackId).ToDictionary(g => g.Key, g => g.Select(o => o.Person).Distinct().ToList());
        Assert.All(trackToPerson, t => Assert.Single(t.Value));
        var personToTrack = owners.GroupBy(o => o.Person).ToDictionary(g => g.Key, g => g.Select(o => o.TrackId).Distinct().ToList());
        Assert.All(personToTrack, p => Assert.Single(p.Value));

        // Everyone seen well for a second and a half has windows.
        var seenWell = scene.People.Where(p => truth.Frames.Count(f => f.Any(b => b.PersonId == p.Id && b.Visibility > 0.8f)) >= 40).Select(p => p.Id);
        Assert.Subset(personToTrack.Keys.ToHashSet(), seenWell.ToHashSet());

        // The crops follow the person: their shirt's colour is in their own crop, more than anyone else's.
        var clear = windows.Where(w => Alone(truth, w)).ToList();
        foreach (var window in clear)
        {
            var person = Owner(truth, window);
            var crop = window.Window.Clip.Rgb!.Frame(Clip.Length - 1).ToArray();
            var own = Share(crop, scene.People[person - 1].Shirt);
            Assert.True(own >= 0.02, $"track {window.TrackId} (person {person}) at frame {window.Window.LastSourceIndex}: only {own:P1} of the crop is the shirt's colour");
            Assert.All(scene.People.Where(p => p.Id != person), other => Assert.True(Share(crop, other.Shirt) < own, $"person {other.Id}'s shirt is more of person {person}'s crop"));
        }

        output.WriteLine($"seed {seed}, detection every {interval}: {windows.Count} windows of {trackToPerson.Count} tracks for {scene.People.Count} people; {clear.Count} crops checked for the shirt");
        Assert.True(clear.Count >= 10, $"only {clear.Count} windows with their person alone");
    }

    [Fact]
    public void TracksThatEndFreeTheirTubesAndAreReported()
    {
        // Seed 3: a runner and a rider cross the frame and leave it.
        using var scene = new MultiPersonSceneRenderer(new MultiPersonSceneSpec(3));
        var truth = scene.GroundTruth();
        using var detector = new SceneDetector(truth, 3);
        var tracker = new TrackerOptions { MaxAge = 10 };
        using var cutter = new PersonWindowCutter(detector, tracker, 1, new TubeOptions(), Clip);
        using var frame = new Mat();
        var ended = new List<int>();
        var seen = new HashSet<int>();
        var tubes = new HashSet<int>();
        for (var index = 0; index < truth.Frames.Count; index++)
        {
            scene.Render(index, frame);
            detector.Frame = index;
            cutter.Push(index, TimeSpan.Zero, frame);
            seen.UnionWith(cutter.Tracks.Select(t => t.Id));
            tubes.UnionWith(cutter.TubeTrackIds);
            ended.AddRange(cutter.EndedTracks.Where(seen.Contains));
            Assert.Empty(cutter.TubeTrackIds.Intersect(cutter.EndedTracks));
        }

        Assert.Equal(2, scene.People.Count);
        Assert.Equal(seen.Order(), ended.Order());
        Assert.Equal(seen.Order(), tubes.Order());
        Assert.Empty(cutter.Tracks);
        Assert.Empty(cutter.TubeTrackIds);
    }

    /// <summary>The person whose box overlaps the window's (clipped to the frame, as its crop is) by IoU 0.5 at its last frame, else 0.</summary>
    private static int Owner(SceneGroundTruth truth, PersonWindow window)
    {
        var box = window.Box.ClipTo(truth.Spec.Width, truth.Spec.Height);
        var best = truth.Frames[(int)window.Window.LastSourceIndex].MaxBy(b => b.Box.IoU(box));
        return best is not null && best.Box.IoU(box) >= 0.5f ? best.PersonId : 0;
    }

    private static bool Alone(SceneGroundTruth truth, PersonWindow window)
    {
        var people = truth.Frames[(int)window.Window.LastSourceIndex];
        var owner = Owner(truth, window);
        return owner != 0 && people.Single(p => p.PersonId == owner).Visibility > 0.9f && people.All(p => p.PersonId == owner || p.Box.IoU(window.Box.Expand(0.1f)) == 0);
    }

    /// <summary>Share of an RGB crop's pixels within 24 levels (every channel) of a BGR colour.</summary>
    private static double Share(byte[] rgb, Scalar bgr)
    {
        var close = 0;
        for (var i = 0; i < rgb.Length; i += 3)
        {
            if (Math.Abs(rgb[i] - bgr.Val2) <= 24 && Math.Abs(rgb[i + 1] - bgr.Val1) <= 24 && Math.Abs(rgb[i + 2] - bgr.Val0) <= 24)
            {
                close++;
            }
        }

        return close / (rgb.Length / 3.0);
    }
}
