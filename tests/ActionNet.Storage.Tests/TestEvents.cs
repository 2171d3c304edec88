using ActionNet.Abstractions.History;

namespace ActionNet.Storage.Tests;

/// <summary>Builds events and segments for tests: one-second windows on a fixed clock.</summary>
public static class TestEvents
{
    public static readonly string[] Labels = ["push", "fall_floor", "walk", "run", "ride_bike"];

    /// <summary>2026-11-25 10:00:00 UTC.</summary>
    public static readonly DateTimeOffset Origin = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    /// <summary>An event whose window ends <paramref name="endSeconds"/> after <see cref="Origin"/> and lasts one second.</summary>
    public static ActionEvent Event(string camera, long sequence, double endSeconds, string label = "walk", float confidence = 0.9f, double windowSeconds = 1)
    {
        var end = Origin.AddSeconds(endSeconds);
        var probabilities = Labels.Select(l => l == label ? confidence : (1 - confidence) / (Labels.Length - 1)).ToArray();
        return new ActionEvent
        {
            CameraId = camera,
            Sequence = sequence,
            Start = end.AddSeconds(-windowSeconds),
            End = end,
            Label = label,
            Confidence = confidence,
            Probabilities = probabilities,
            Labels = Labels,
            Model = "resnet18_2d_rgb_hmdb5_32",
            Silo = "127.0.0.1:11111@1",
        };
    }

    /// <summary>Events with sequences <paramref name="first"/>..<paramref name="last"/>, one per second, sequence n ending at second n.</summary>
    public static ActionEvent[] Range(string camera, long first, long last, string label = "walk", float confidence = 0.9f) =>
        [.. Enumerable.Range(0, checked((int)(last - first + 1))).Select(i => Event(camera, first + i, first + i, label, confidence))];
}
