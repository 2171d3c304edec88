using ActionNet.Abstractions.History;

namespace ActionNet.Storage.Tests;

/// <summary>
/// Generated history for index tests: several cameras over several days, labels that change in runs,
/// confidences that vary, and an outage per camera, written through the real writer; plus a full scan
/// of what was generated to compare every index query with. <see cref="PersonCamera"/> is in person mode:
/// one to three tracked people at a time, each with their own labels, coming and going, their events
/// interleaved in the camera's blobs.
/// </summary>
public sealed class HistoryWorld
{
    /// <summary>The person-mode camera.</summary>
    public const string PersonCamera = "cam-p";

    public static readonly string[] Cameras = ["cam-a", "cam-b", "cam-c", PersonCamera];

    /// <summary>2026-11-23 22:30 UTC: the history crosses midnights and hours.</summary>
    public static readonly DateTimeOffset Begin = new(2026, 11, 23, 22, 30, 0, TimeSpan.Zero);

    private HistoryWorld(Dictionary<string, List<HistoryRecord>> records) => Records = records;

    /// <summary>Per camera, every record written, in order.</summary>
    public IReadOnlyDictionary<string, List<HistoryRecord>> Records { get; }

    public IEnumerable<ActionEvent> Events => Records.Values.SelectMany(r => r).Where(r => r.Event is not null).Select(r => r.Event!);

    public IEnumerable<HistoryGap> Gaps => Records.Values.SelectMany(r => r).Where(r => r.Gap is not null).Select(r => r.Gap!);

    /// <summary>
    /// Writes about <paramref name="eventsPerCamera"/> events per camera, a window every
    /// <paramref name="stepSeconds"/>, in flushes of <paramref name="flush"/> records.
    /// </summary>
    public static async Task<HistoryWorld> WriteAsync(LabelStore store, int eventsPerCamera, double stepSeconds, int flush)
    {
        var random = new Random(7);
        var all = new Dictionary<string, List<HistoryRecord>>();
        foreach (var camera in Cameras)
        {
            var records = camera == PersonCamera ? PersonRecords(random, eventsPerCamera, stepSeconds) : [];
            var time = Begin.AddSeconds(random.Next(0, 60));
            var label = TestEvents.Labels[random.Next(TestEvents.Labels.Length)];
            for (var seq = 0L; seq < eventsPerCamera && camera != PersonCamera; seq++)
            {
                if (random.NextDouble() < 0.08)
                {
                    label = TestEvents.Labels[random.Next(TestEvents.Labels.Length)];
                }

                if (seq == eventsPerCamera / 2)
                {
                    var end = time.AddMinutes(37);
                    records.Add(new HistoryRecord { Gap = new HistoryGap { CameraId = camera, Start = time, End = end, PreviousSequence = seq - 1, NextSequence = seq, Silo = "s" } });
                    time = end;
                }

                time = time.AddSeconds(stepSeconds);
                var confidence = (float)Math.Round(0.3 + (random.NextDouble() * 0.7), 3);
                var e = TestEvents.Event(camera, seq, 0, label, confidence, windowSeconds: stepSeconds * 2) with { Start = time.AddSeconds(-stepSeconds * 2), End = time };
                records.Add(new HistoryRecord { Event = e });
            }

            all[camera] = records;
            var writer = await store.OpenWriterAsync(camera, "test-silo");
            await store.RegisterCameraAsync(camera, TestEvents.Labels);
            foreach (var chunk in records.Chunk(flush))
            {
                await writer.WriteAsync(chunk);
            }
        }

        return new HistoryWorld(all);
    }

    // Up to three people at once, each a track whose id is the sequence of its first window; every step each
    // person in view gets a window. A person stays 5 to 120 steps; the outage halfway ends every track.
    private static List<HistoryRecord> PersonRecords(Random random, int events, double stepSeconds)
    {
        var records = new List<HistoryRecord>();
        var people = new List<(string Track, string Label, int Left)>();
        var time = Begin.AddSeconds(random.Next(0, 60));
        var seq = 0L;
        var outage = false;
        while (seq < events)
        {
            if (!outage && seq >= events / 2)
            {
                outage = true;
                people.Clear();
                var end = time.AddMinutes(37);
                records.Add(new HistoryRecord { Gap = new HistoryGap { CameraId = PersonCamera, Start = time, End = end, PreviousSequence = seq - 1, NextSequence = seq, Silo = "s" } });
                time = end;
            }

            time = time.AddSeconds(stepSeconds);
            people.RemoveAll(p => p.Left == 0);
            while (people.Count < 3 && (people.Count == 0 || random.NextDouble() < 0.05))
            {
                people.Add((seq.ToString(System.Globalization.CultureInfo.InvariantCulture), TestEvents.Labels[random.Next(TestEvents.Labels.Length)], random.Next(5, 120)));
                break;
            }

            for (var i = 0; i < people.Count && seq < events; i++)
            {
                var (track, label, left) = people[i];
                if (random.NextDouble() < 0.08)
                {
                    label = TestEvents.Labels[random.Next(TestEvents.Labels.Length)];
                }

                people[i] = (track, label, left - 1);
                var confidence = (float)Math.Round(0.3 + (random.NextDouble() * 0.7), 3);
                var x = (float)random.Next(0, 600);
                var e = TestEvents.Event(PersonCamera, seq++, 0, label, confidence, windowSeconds: stepSeconds * 2) with
                {
                    Start = time.AddSeconds(-stepSeconds * 2),
                    End = time,
                    TrackId = track,
                    Box = [x, 10, x + 40, 130],
                };
                records.Add(new HistoryRecord { Event = e });
            }
        }

        return records;
    }
}
