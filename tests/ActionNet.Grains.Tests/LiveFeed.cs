using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Live;
using ActionNet.Storage;

namespace ActionNet.Grains.Tests;

/// <summary>
/// One camera's live events as its aggregator publishes them (the same <see cref="LiveSegments"/>, the same
/// order: segment end, segment start, label; a gap closes the open segment): windows 0.4 s long, one every 0.2 s.
/// </summary>
internal sealed class LiveFeed(string camera)
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(0.2);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(0.4);
    private readonly LiveSegments segments = LiveSegments.Start(camera, null, []);
    private long next;
    private DateTimeOffset clock = T0;

    /// <summary>The open segment as the aggregator sees it (a whole-frame camera has at most one).</summary>
    public LabelSegment? Open => segments.Open.SingleOrDefault();

    /// <summary><paramref name="count"/> windows labelled <paramref name="label"/>; the events published for them.</summary>
    public List<LiveEvent> Labels(string label, int count, float confidence = 0.9f)
    {
        var published = new List<LiveEvent>();
        for (var i = 0; i < count; i++)
        {
            var e = new ActionEvent { CameraId = camera, Sequence = next++, Start = clock, End = clock + Window, Label = label, Confidence = confidence };
            clock += Step;
            var (closed, opened) = segments.Add(e);
            foreach (var ended in closed)
            {
                published.Add(new LiveEvent { Kind = LiveEventKind.SegmentEnd, CameraId = camera, Segment = ended });
            }

            if (opened is not null)
            {
                published.Add(new LiveEvent { Kind = LiveEventKind.SegmentStart, CameraId = camera, Segment = opened });
            }

            published.Add(new LiveEvent { Kind = LiveEventKind.Label, CameraId = camera, Event = e });
        }

        return published;
    }

    /// <summary>
    /// <paramref name="steps"/> steps of person mode: at each step every one of <paramref name="people"/> gets a window
    /// (their track id and label); the events published for them.
    /// </summary>
    public List<LiveEvent> Persons(int steps, params (string Track, string Label)[] people)
    {
        var published = new List<LiveEvent>();
        for (var i = 0; i < steps; i++)
        {
            foreach (var (track, label) in people)
            {
                var e = new ActionEvent { CameraId = camera, Sequence = next++, Start = clock, End = clock + Window, Label = label, Confidence = 0.9f, TrackId = track, Box = [1, 2, 3, 4] };
                var (closed, opened) = segments.Add(e);
                published.AddRange(closed.Select(ended => new LiveEvent { Kind = LiveEventKind.SegmentEnd, CameraId = camera, Segment = ended }));
                if (opened is not null)
                {
                    published.Add(new LiveEvent { Kind = LiveEventKind.SegmentStart, CameraId = camera, Segment = opened });
                }

                published.Add(new LiveEvent { Kind = LiveEventKind.Label, CameraId = camera, Event = e });
            }

            clock += Step;
        }

        return published;
    }

    /// <summary>No windows for <paramref name="pause"/>: the gap the next window records, and the segment it ends.</summary>
    public List<LiveEvent> Gap(TimeSpan pause)
    {
        var published = new List<LiveEvent>();
        var start = clock;
        clock += pause;
        foreach (var ended in segments.Gap())
        {
            published.Add(new LiveEvent { Kind = LiveEventKind.SegmentEnd, CameraId = camera, Segment = ended });
        }

        published.Add(new LiveEvent { Kind = LiveEventKind.Gap, CameraId = camera, Gap = new HistoryGap { CameraId = camera, Start = start, End = clock } });
        return published;
    }
}
