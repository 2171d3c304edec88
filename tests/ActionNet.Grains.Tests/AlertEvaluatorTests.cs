using ActionNet.Abstractions.Alerts;
using ActionNet.Abstractions.Live;
using ActionNet.Grains.Alerts;

namespace ActionNet.Grains.Tests;

public sealed class AlertEvaluatorTests
{
    private static readonly TimeSpan Gap = TimeSpan.FromSeconds(5);

    private static AlertRule Rule(string id = "fall-alert", string label = "fall", double minSeconds = 1, double minConfidence = 0, double cooldown = 0, params string[] cameras) => new()
    {
        Id = id,
        Label = label,
        Cameras = cameras.Length == 0 ? ["cam-1"] : cameras,
        MinDurationSeconds = minSeconds,
        MinConfidence = minConfidence,
        CooldownSeconds = cooldown,
        WebhookUrl = "http://127.0.0.1:9/hook",
    };

    private static AlertEvaluator Evaluator(TimeSpan? updates = null, params AlertRule[] rules)
    {
        var evaluator = new AlertEvaluator(updates ?? TimeSpan.Zero, Gap);
        evaluator.SetRules(rules.Length == 0 ? [Rule()] : rules);
        return evaluator;
    }

    private static List<AlertFiring> Feed(AlertEvaluator evaluator, IEnumerable<LiveEvent> events) =>
        [.. events.SelectMany(evaluator.Observe)];

    [Fact]
    public void ASegmentFiresStartOnceWhenItReachesTheMinimumDurationAndEndWhenItEnds()
    {
        var evaluator = Evaluator();
        var feed = new LiveFeed("cam-1");

        var firings = Feed(evaluator, feed.Labels("fall", 20).Concat(feed.Labels("walk", 3)));

        Assert.Equal([AlertPhase.Start, AlertPhase.End], firings.Select(f => f.Phase));
        var start = firings[0];
        Assert.Equal("fall-alert.cam-1.0", start.State.FiringId);
        Assert.Equal("start", start.Step);
        Assert.True(start.Segment.Seconds >= 1 && start.Segment.Seconds < 1.2, $"fired at {start.Segment.Seconds} s");
        Assert.True(start.Segment.Open);
        var end = firings[1];
        Assert.Equal(start.State.FiringId, end.State.FiringId);
        Assert.Equal("end", end.Step);
        Assert.False(end.Segment.Open);
        Assert.Equal(19, end.Segment.LastSequence);
        Assert.Equal(20, end.Segment.Windows);
        Assert.False(end.State.Open);
    }

    [Fact]
    public void EachTrackedPersonsSegmentFiresOnItsOwnAndACooldownDoesNotSilenceAnotherPerson()
    {
        var evaluator = Evaluator(null, Rule(cooldown: 600));
        var feed = new LiveFeed("cam-1");

        var firings = Feed(evaluator, feed.Persons(10, ("4", "fall"), ("7", "walk")).Concat(feed.Persons(10, ("4", "walk"), ("7", "fall"))));

        var starts = firings.Where(f => f.Phase == AlertPhase.Start).ToList();
        Assert.Equal(["4", "7"], starts.Select(f => f.State.TrackId!));
        Assert.Equal(["fall-alert.cam-1.0", "fall-alert.cam-1.21"], starts.Select(f => f.State.FiringId));
        Assert.Equal("4", firings.Single(f => f.Phase == AlertPhase.End).State.TrackId);
        Assert.Equal("7", starts[1].ToNotification().TrackId);
        Assert.Equal([1f, 2, 3, 4], starts[1].Segment.Box!);
    }

    [Fact]
    public void ASegmentShorterThanTheMinimumDurationDoesNotFire()
    {
        var evaluator = Evaluator();
        var feed = new LiveFeed("cam-1");

        // Each window owns what it adds after the previous one's end: the camera's first window 0.4 s, later
        // ones 0.2 s. Three falls own 0.8 s; after the walk, five falls own 1.0 s.
        Assert.Empty(Feed(evaluator, feed.Labels("fall", 3).Concat(feed.Labels("walk", 3))));
        Assert.Equal([AlertPhase.Start, AlertPhase.End], Feed(evaluator, feed.Labels("fall", 5).Concat(feed.Labels("walk", 1))).Select(f => f.Phase));
    }

    [Fact]
    public void TheRunningMeanConfidenceMustReachTheMinimum()
    {
        var evaluator = Evaluator(null, Rule(minSeconds: 0, minConfidence: 0.8));
        var feed = new LiveFeed("cam-1");

        Assert.Empty(Feed(evaluator, feed.Labels("fall", 5, confidence: 0.5f)));
        var firings = Feed(evaluator, feed.Labels("fall", 20, confidence: 0.95f));

        var start = Assert.Single(firings);
        Assert.Equal(AlertPhase.Start, start.Phase);
        Assert.InRange(start.Segment.MeanConfidence, 0.8f, 0.82f);
        Assert.Equal("fall-alert.cam-1.0", start.State.FiringId);
    }

    [Fact]
    public void OtherLabelsAndUnwatchedCamerasDoNotFireAndAStarRuleWatchesEveryCamera()
    {
        var evaluator = Evaluator(null, Rule(), Rule(id: "any-camera", cameras: AlertRule.AllCameras));
        var one = new LiveFeed("cam-1");
        var two = new LiveFeed("cam-2");

        var walking = Feed(evaluator, one.Labels("walk", 20));
        var firings = Feed(evaluator, two.Labels("fall", 20).Concat(one.Labels("fall", 20)));

        Assert.Empty(walking);
        Assert.Equal(["any-camera.cam-2.0", "fall-alert.cam-1.20", "any-camera.cam-1.20"], firings.Select(f => f.State.FiringId));
        Assert.All(firings, f => Assert.Equal(AlertPhase.Start, f.Phase));
    }

    [Fact]
    public void ADisabledRuleDoesNotFire()
    {
        var evaluator = Evaluator(null, Rule() with { Enabled = false });

        Assert.Empty(Feed(evaluator, new LiveFeed("cam-1").Labels("fall", 20)));
    }

    [Fact]
    public void TheCooldownSuppressesASegmentStartingSoonAfterTheLastFiringEnded()
    {
        static List<AlertFiring> Run(double cooldown)
        {
            var evaluator = Evaluator(null, Rule(cooldown: cooldown));
            var feed = new LiveFeed("cam-1");
            return Feed(evaluator, feed.Labels("fall", 10).Concat(feed.Labels("walk", 10)).Concat(feed.Labels("fall", 10)).Concat(feed.Labels("walk", 1)));
        }

        // The first fall's last window ends at 2.2 s; the second fall's first window starts at 4.0 s.
        Assert.Equal(["fall-alert.cam-1.0"], Run(cooldown: 2).Select(f => f.State.FiringId).Distinct());
        Assert.Equal(["fall-alert.cam-1.0", "fall-alert.cam-1.20"], Run(cooldown: 1.5).Select(f => f.State.FiringId).Distinct());
    }

    [Fact]
    public void UpdatesComeAtMostOncePerUpdateIntervalWhileTheFiringIsOpen()
    {
        var evaluator = Evaluator(TimeSpan.FromSeconds(1));
        var feed = new LiveFeed("cam-1");

        var firings = Feed(evaluator, feed.Labels("fall", 30).Concat(feed.Labels("walk", 1)));

        // Started when the segment reached 1 s (its 4th window ends at 1.0 s); its 30th window ends at 6.2 s.
        Assert.Equal(["start", "update-1", "update-2", "update-3", "update-4", "update-5", "end"], firings.Select(f => f.Step));
        var times = firings.Where(f => f.Phase != AlertPhase.End).Select(f => f.Segment.End).ToArray();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1)));
        Assert.Single(firings.Select(f => f.State.FiringId).Distinct());
    }

    [Fact]
    public void AGapEndsTheFiring()
    {
        var evaluator = Evaluator();
        var feed = new LiveFeed("cam-1");

        var firings = Feed(evaluator, feed.Labels("fall", 10).Concat(feed.Gap(TimeSpan.FromSeconds(30))).Concat(feed.Labels("fall", 10)));

        Assert.Equal(["fall-alert.cam-1.0 start", "fall-alert.cam-1.0 end", "fall-alert.cam-1.10 start"], firings.Select(f => $"{f.State.FiringId} {f.Step}"));
    }

    [Fact]
    public void ARouterRestartedMidSegmentPlacesEventsInTheStoredSegmentAndDoesNotStartTheFiringAgain()
    {
        var before = Evaluator();
        var feed = new LiveFeed("cam-1");
        var started = Feed(before, feed.Labels("fall", 10));
        var stored = feed.Open!;

        var after = Evaluator();
        after.Restore(before.OpenFirings);
        var held = Feed(after, feed.Labels("fall", 3));
        var flushed = feed.Open!;
        held.AddRange(Feed(after, feed.Labels("fall", 2)));
        var lookup = Assert.Single(after.Lookups);
        var placed = after.Stored(flushed);
        var ended = Feed(after, feed.Labels("walk", 1));

        Assert.Equal("start", Assert.Single(started).Step);
        Assert.Empty(held);
        Assert.Equal(10, lookup.Target.Sequence);
        Assert.Empty(placed);
        Assert.Empty(after.Lookups);
        var end = Assert.Single(ended);
        Assert.Equal(("fall-alert.cam-1.0", "end"), (end.State.FiringId, end.Step));
        Assert.Equal(stored.FirstSequence, end.Segment.FirstSequence);
        Assert.Equal(14, end.Segment.LastSequence);
        Assert.Equal(15, end.Segment.Windows);
    }

    [Fact]
    public void ARouterThatStartsMidSegmentFiresWithTheSegmentsOwnKey()
    {
        var feed = new LiveFeed("cam-1");
        feed.Labels("walk", 3);
        feed.Labels("fall", 3);
        var evaluator = Evaluator();

        var held = Feed(evaluator, feed.Labels("fall", 3));
        var flushed = feed.Open!;
        held.AddRange(Feed(evaluator, feed.Labels("fall", 7)));
        var placed = evaluator.Stored(flushed);
        var later = Feed(evaluator, feed.Labels("fall", 5));

        Assert.Empty(held);
        Assert.Equal(["fall-alert.cam-1.3"], placed.Select(f => f.State.FiringId));
        Assert.Equal(AlertPhase.Start, placed[0].Phase);
        Assert.Equal(8, placed[0].Segment.LastSequence);
        Assert.Empty(later);
    }

    [Fact]
    public void EventsOfALabelNoRuleWatchesAreNotHeldForTheHistory()
    {
        var feed = new LiveFeed("cam-1");
        feed.Labels("walk", 3);
        var evaluator = Evaluator();

        var walking = Feed(evaluator, feed.Labels("walk", 10));
        var falling = Feed(evaluator, feed.Labels("fall", 10));

        Assert.Empty(walking);
        Assert.Empty(evaluator.Lookups);
        Assert.Equal(["fall-alert.cam-1.13"], falling.Select(f => f.State.FiringId));
    }

    [Fact]
    public void ASegmentEndLostWithTheNextStartIsFoundAndTheFiringEnds()
    {
        var evaluator = Evaluator();
        var feed = new LiveFeed("cam-1");
        var started = Feed(evaluator, feed.Labels("fall", 10));
        feed.Labels("fall", 2);
        feed.Labels("walk", 2);

        var held = Feed(evaluator, feed.Labels("walk", 3));
        var placed = evaluator.Stored(feed.Open!);

        Assert.Equal("start", Assert.Single(started).Step);
        Assert.Empty(held);
        var end = Assert.Single(placed);
        Assert.Equal(("fall-alert.cam-1.0", AlertPhase.End), (end.State.FiringId, end.Phase));
        Assert.False(end.Segment.Open);
    }

    [Fact]
    public void ClosedStoredSegmentsFireStartAndEndOnceHoweverOftenTheyAreRead()
    {
        var feed = new LiveFeed("cam-1");
        var closed = feed.Labels("fall", 10).Concat(feed.Labels("walk", 1)).First(e => e.Kind == LiveEventKind.SegmentEnd).Segment!;
        var evaluator = Evaluator();

        var first = evaluator.Stored(closed);
        var again = evaluator.Stored(closed);

        Assert.Equal([AlertPhase.Start, AlertPhase.End], first.Select(f => f.Phase));
        Assert.Equal("fall-alert.cam-1.0", first[0].State.FiringId);
        Assert.Empty(again);
    }

    [Fact]
    public void APhaseIsRecordedOncePerTargetWithTheFiringsKeyAndOneBody()
    {
        var evaluator = Evaluator(null, Rule() with { Mqtt = true });
        var start = Feed(evaluator, new LiveFeed("cam-1").Labels("fall", 10)).Single();

        var entries = start.ToOutbox(LiveFeed.T0.AddTicks(12_345));

        Assert.Equal(["fall-alert.cam-1.0.start.webhook", "fall-alert.cam-1.0.start.mqtt"], entries.Select(e => e.Delivery.Id));
        Assert.Equal(["http://127.0.0.1:9/hook", null], entries.Select(e => e.WebhookUrl));
        Assert.All(entries, e => Assert.Equal((AlertOutcome.Pending, 0, LiveFeed.T0.AddTicks(10_000)), (e.Delivery.Outcome, e.Delivery.Attempts, e.Delivery.CreatedAt)));
        Assert.Single(entries.Select(e => e.Body).Distinct());
        var body = AlertNotification.Parse(System.Text.Encoding.UTF8.GetBytes(entries[0].Body));
        Assert.Equal(("fall-alert.cam-1.0", "start", AlertPhase.Start, "cam-1", "fall", 0L), (body.Key, body.Step, body.Phase, body.CameraId, body.Label, body.Segment.FirstSequence));
    }

    [Fact]
    public void AnOpenFiringEndsWithItsSegmentAfterItsRuleIsRemoved()
    {
        var evaluator = Evaluator();
        var feed = new LiveFeed("cam-1");
        Feed(evaluator, feed.Labels("fall", 10));

        evaluator.SetRules([]);
        var firings = Feed(evaluator, feed.Labels("fall", 10).Concat(feed.Labels("walk", 1)));

        Assert.Equal(["end"], firings.Select(f => f.Step));
    }
}
