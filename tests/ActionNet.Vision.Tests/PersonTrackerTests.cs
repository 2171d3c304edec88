using ActionNet.Vision.Detection;
using ActionNet.Vision.Tracking;

namespace ActionNet.Vision.Tests;

/// <summary>The ByteTrack-style tracker on synthetic trajectories: ids survive crossings, occlusions and sparse detections; false positives never become people.</summary>
public sealed class PersonTrackerTests
{
    private static readonly TrackerOptions Defaults = new();

    [Fact]
    public void TwoPeopleCrossingWithOverlappingBoxesKeepTheirIds()
    {
        var tracker = new PersonTracker(Defaults);

        var identities = Run(tracker, 70, frame => [Person(A(frame)), Person(B(frame))]);

        Assert.Contains(Enumerable.Range(0, 70), f => A(f).IoU(B(f)) > 0.6f);
        Assert.Equal(0, identities.Switches);
        Assert.True(identities.Coverage > 0.95, $"people followed on {identities.Coverage:P0} of their frames");
        Assert.Equal([1, 2], tracker.Tracks.Select(t => t.Id));
    }

    [Fact]
    public void APersonHiddenAtTheCrossingKeepsItsId()
    {
        var tracker = new PersonTracker(Defaults);
        var hidden = Enumerable.Range(0, 70).Where(f => A(f).IoU(B(f)) > 0.2f).ToList();

        var identities = Run(tracker, 70, frame => hidden.Contains(frame) ? [Person(A(frame))] : [Person(A(frame)), Person(B(frame))]);

        Assert.InRange(hidden.Count, 5, 20);
        Assert.Equal(0, identities.Switches);

        // B is followed on every frame it is seen, found again after the crossing, and no third track ever started.
        Assert.True(identities.Coverage > (140.0 - hidden.Count - 6) / 140, $"people followed on {identities.Coverage:P0} of their frames");
        Assert.Equal([1, 2], tracker.Tracks.Select(t => t.Id));
        Assert.All(tracker.Tracks, t => Assert.Equal(TrackState.Confirmed, t.State));
    }

    [Fact]
    public void AShortOcclusionKeepsTheIdAndTheTrackIsLostMeanwhile()
    {
        var tracker = new PersonTracker(Defaults);
        var states = new List<TrackState>();
        for (var frame = 0; frame < 40; frame++)
        {
            var occluded = frame is >= 15 and < 27;
            var tracks = tracker.Update(occluded ? [] : [Person(A(frame))]);
            states.Add(Assert.Single(tracks).State);
            Assert.Equal(1, tracks[0].Id);
        }

        Assert.All(states[15..27], s => Assert.Equal(TrackState.Lost, s));
        Assert.Equal(TrackState.Confirmed, states[^1]);
        Assert.True(tracker.Tracks[0].Box.IoU(A(39)) > 0.7f);
        Assert.Empty(tracker.Ended);
    }

    [Fact]
    public void AnEnteringPersonGetsTheNextIdAndALeavingOneEndsAfterMaxAge()
    {
        var options = Defaults with { MaxAge = 10 };
        var tracker = new PersonTracker(options);
        var endedAt = new Dictionary<int, long>();
        for (var frame = 0; frame < 80; frame++)
        {
            List<PersonDetection> detections = [];
            if (frame <= 40)
            {
                detections.Add(Person(A(frame)));
            }

            if (frame >= 20)
            {
                detections.Add(Person(Still(200, 60, frame)));
            }

            tracker.Update(detections);
            foreach (var id in tracker.Ended)
            {
                endedAt[id] = frame;
            }

            if (frame == 30)
            {
                Assert.Equal([1, 2], tracker.Tracks.Where(t => t.State == TrackState.Confirmed).Select(t => t.Id));
            }
        }

        // Last seen at frame 40; unseen for more than 10 frames at frame 51.
        Assert.Equal(new Dictionary<int, long> { [1] = 51 }, endedAt);
        Assert.Equal(2, Assert.Single(tracker.Tracks).Id);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void DetectionsEveryKthFrameKeepTheIdsOfMovingPeopleAndPredictionsFollowThem(int interval)
    {
        var tracker = new PersonTracker(Defaults);
        var identities = new IdSwitchCounter();
        var predicted = new List<float>();
        for (var frame = 0; frame < 90; frame++)
        {
            var detect = frame % interval == 0;
            var tracks = detect ? tracker.Update([Person(A(frame)), Person(B(frame))]) : tracker.Predict();
            identities.Add([(0, A(frame)), (1, B(frame))], tracks);
            if (!detect && frame > 30)
            {
                predicted.AddRange(((PixelBox[])[A(frame), B(frame)]).Select(truth => Following(tracks, truth)?.Box.IoU(truth) ?? 0));
            }
        }

        Assert.Equal(0, identities.Switches);
        Assert.True(identities.Coverage > 0.8, $"people followed on {identities.Coverage:P0} of their frames");
        Assert.Equal([1, 2], tracker.Tracks.Select(t => t.Id));
        if (interval > 1)
        {
            Assert.True(predicted.Average() > 0.8f, $"predicted boxes average IoU {predicted.Average():0.00} with the truth");
        }
    }

    [Fact]
    public void SingleFalsePositivesNeverBecomeConfirmedTracks()
    {
        var random = new Random(3);
        var tracker = new PersonTracker(Defaults);
        var confirmed = new HashSet<int>();
        var ended = new List<int>();
        for (var frame = 0; frame < 100; frame++)
        {
            var ghost = PixelBox.FromCenter(random.Next(0, 320), random.Next(0, 240), random.Next(20, 60), random.Next(40, 120));
            tracker.Update([Person(A(frame)), new PersonDetection(PersonDetection.Person, 0.95f, ghost)]);
            confirmed.UnionWith(tracker.Tracks.Where(t => t.State == TrackState.Confirmed).Select(t => t.Id));
            ended.AddRange(tracker.Ended);
        }

        Assert.Equal([1], confirmed);
        Assert.True(ended.Count > 80, $"only {ended.Count} tentative tracks ended");
        Assert.DoesNotContain(1, ended);
    }

    [Fact]
    public void LowConfidenceDetectionsKeepAConfirmedTrackButNeverStartOne()
    {
        var tracker = new PersonTracker(Defaults);
        for (var frame = 0; frame < 40; frame++)
        {
            tracker.Update([Person(A(frame), frame < 5 ? 0.9f : 0.3f), Person(Still(250, 50, frame), 0.3f)]);
        }

        var track = Assert.Single(tracker.Tracks);
        Assert.Equal((1, TrackState.Confirmed, 40), (track.Id, track.State, track.Hits));
        Assert.Equal(0.3f, track.Confidence);
    }

    [Fact]
    public void TheSmoothedBoxKeepsTheCentreAndDampsSizeJitter()
    {
        var tracker = new PersonTracker(Defaults);
        var random = new Random(5);
        var rawHeights = new List<float>();
        var smoothHeights = new List<float>();
        for (var frame = 0; frame < 60; frame++)
        {
            var truth = Still(160, 120, frame);
            var jitter = PixelBox.FromCenter(truth.CenterX, truth.CenterY, truth.Width, truth.Height * (0.85f + (0.3f * random.NextSingle())));
            var track = Assert.Single(tracker.Update([Person(jitter)]));
            if (frame >= 10)
            {
                rawHeights.Add(track.Box.Height);
                smoothHeights.Add(track.SmoothedBox.Height);
                Assert.Equal(track.Box.CenterX, track.SmoothedBox.CenterX, 3);
                Assert.Equal(track.Box.CenterY, track.SmoothedBox.CenterY, 3);
            }
        }

        Assert.True(Spread(smoothHeights) < 0.7 * Spread(rawHeights), $"smoothed heights spread {Spread(smoothHeights):0.00}, filter's {Spread(rawHeights):0.00}");
        Assert.InRange(smoothHeights.Average(), 95, 105);
    }

    [Fact]
    public void IdsIncreaseFromOnePerTracker()
    {
        var first = new PersonTracker(Defaults with { MinHits = 1 });
        var second = new PersonTracker(Defaults with { MinHits = 1 });
        first.Update([Person(A(0)), Person(Still(250, 50, 0))]);
        second.Update([Person(B(0))]);

        Assert.Equal([1, 2], first.Tracks.Select(t => t.Id));
        Assert.Equal([1], second.Tracks.Select(t => t.Id));
        Assert.All(first.Tracks, t => Assert.Equal(TrackState.Confirmed, t.State));
    }

    [Theory]
    [InlineData(nameof(TrackerOptions.LowThreshold))]
    [InlineData(nameof(TrackerOptions.NewTrackThreshold))]
    [InlineData(nameof(TrackerOptions.MatchIoU))]
    [InlineData(nameof(TrackerOptions.TentativeBuffer))]
    [InlineData(nameof(TrackerOptions.MinHits))]
    [InlineData(nameof(TrackerOptions.MaxAge))]
    [InlineData(nameof(TrackerOptions.SizeSmoothing))]
    public void OptionsOutOfRangeAreRejectedNamingTheSetting(string setting)
    {
        var options = setting switch
        {
            nameof(TrackerOptions.LowThreshold) => Defaults with { LowThreshold = 0.7f },
            nameof(TrackerOptions.NewTrackThreshold) => Defaults with { NewTrackThreshold = 0.4f },
            nameof(TrackerOptions.MatchIoU) => Defaults with { MatchIoU = 0 },
            nameof(TrackerOptions.TentativeBuffer) => Defaults with { TentativeBuffer = 1.5f },
            nameof(TrackerOptions.MinHits) => Defaults with { MinHits = 0 },
            nameof(TrackerOptions.MaxAge) => Defaults with { MaxAge = -1 },
            _ => Defaults with { SizeSmoothing = 1 },
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PersonTracker(options));
        Assert.Equal(setting, error.ParamName);
    }

    [Fact]
    public void TheAssignmentIsTheCheapestOfAllOnSmallMatrices()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 300; trial++)
        {
            int rows = random.Next(1, 6), cols = random.Next(1, 6);
            var cost = new double[rows, cols];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < cols; c++)
                {
                    cost[r, c] = random.Next(4) == 0 ? 1e4 : Math.Round(random.NextDouble(), 2);
                }
            }

            var assignment = HungarianAssignment.Solve(cost);

            Assert.Equal(rows, assignment.Length);
            Assert.Equal(Math.Min(rows, cols), assignment.Count(c => c >= 0));
            Assert.Equal(assignment.Count(c => c >= 0), assignment.Where(c => c >= 0).Distinct().Count());
            var total = assignment.Select((c, r) => c >= 0 ? cost[r, c] : 0).Sum();
            Assert.Equal(Cheapest(cost), total, 9);
        }
    }

    [Fact]
    public void TheKalmanFilterLearnsAConstantVelocity()
    {
        var filter = new KalmanBoxFilter(PixelBox.FromCenter(50, 100, 40, 100));
        for (var frame = 1; frame <= 15; frame++)
        {
            filter.Predict(holdHeight: false);
            filter.Update(PixelBox.FromCenter(50 + (5 * frame), 100 - (2 * frame), 40, 100));
        }

        filter.Predict(holdHeight: false);
        filter.Predict(holdHeight: false);
        var box = filter.Box;
        Assert.Equal(50 + (5 * 17), box.CenterX, 1.5);
        Assert.Equal(100 - (2 * 17), box.CenterY, 1.5);
        Assert.Equal(40, box.Width, 1);
        Assert.Equal(100, box.Height, 1);
    }

    /// <summary>Person A walks right at 4 px per frame.</summary>
    private static PixelBox A(int frame) => PixelBox.FromCenter(40 + (4 * frame), 120, 40, 100);

    /// <summary>Person B, a little further away, walks left at 4 px per frame and crosses A around frame 30.</summary>
    private static PixelBox B(int frame) => PixelBox.FromCenter(280 - (4 * frame), 114, 36, 92);

    private static PixelBox Still(float x, float y, int frame) => PixelBox.FromCenter(x + ((frame % 3) - 1), y, 40, 100);

    private static PersonDetection Person(PixelBox box, float confidence = 0.9f) => new(PersonDetection.Person, confidence, box);

    /// <summary>The confirmed track that covers <paramref name="truth"/> best, with IoU at least 0.3.</summary>
    private static TrackedPerson? Following(IReadOnlyList<TrackedPerson> tracks, PixelBox truth) =>
        tracks.Where(t => t.State == TrackState.Confirmed && t.Box.IoU(truth) >= 0.3f).MaxBy(t => t.Box.IoU(truth));

    /// <summary>Runs <paramref name="frames"/> detection frames of people A and B; counts their id switches.</summary>
    private static IdSwitchCounter Run(PersonTracker tracker, int frames, Func<int, List<PersonDetection>> detections)
    {
        var identities = new IdSwitchCounter();
        for (var frame = 0; frame < frames; frame++)
        {
            identities.Add([(0, A(frame)), (1, B(frame))], tracker.Update(detections(frame)));
        }

        return identities;
    }

    private static double Spread(List<float> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }

    private static double Cheapest(double[,] cost)
    {
        int rows = cost.GetLength(0), cols = cost.GetLength(1);
        var best = double.MaxValue;
        Search(0, new bool[cols], new bool[rows], 0, Math.Min(rows, cols));
        return best;

        void Search(int row, bool[] usedCols, bool[] skipped, double total, int toAssign)
        {
            if (row == rows)
            {
                if (toAssign == 0)
                {
                    best = Math.Min(best, total);
                }

                return;
            }

            for (var c = 0; c < cols; c++)
            {
                if (!usedCols[c])
                {
                    usedCols[c] = true;
                    Search(row + 1, usedCols, skipped, total + cost[row, c], toAssign - 1);
                    usedCols[c] = false;
                }
            }

            if (rows - row > toAssign)
            {
                Search(row + 1, usedCols, skipped, total, toAssign);
            }
        }
    }
}
