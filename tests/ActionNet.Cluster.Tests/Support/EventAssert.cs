using ActionNet.Abstractions.History;

namespace ActionNet.Cluster.Tests.Support;

/// <summary>Checks on label events that several scenarios share.</summary>
public static class EventAssert
{
    /// <summary>
    /// How far a stored probability may be from the probe's exact softmax of the nominal colour: mp4v
    /// (YUV 4:2:0, lossy) moves a solid colour by a few levels, which moved each probability by under
    /// 0.001 when measured; a wrong channel order or a missing normalisation moves them by 0.02 or more.
    /// </summary>
    public const double ProbabilityTolerance = 0.005;

    /// <summary>Sequences strictly increase in the given order (so each appears once).</summary>
    public static void StrictlyIncreasingSequences(IReadOnlyList<ActionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        for (var i = 1; i < events.Count; i++)
        {
            Assert.True(events[i].Sequence > events[i - 1].Sequence, $"event {i} has sequence {events[i].Sequence} after {events[i - 1].Sequence}");
        }
    }

    /// <summary>No (camera, sequence) appears twice.</summary>
    public static void NoDuplicateSequences(IEnumerable<ActionEvent> events)
    {
        var duplicates = events.GroupBy(e => (e.CameraId, e.Sequence)).Where(g => g.Count() > 1).Select(g => $"{g.Key.CameraId}#{g.Key.Sequence} x{g.Count()}").ToArray();
        Assert.True(duplicates.Length == 0, $"duplicate events: {string.Join(", ", duplicates.Take(20))}");
    }

    /// <summary>
    /// The event is what the probe gives a video of <paramref name="colour"/>: the probe's labels, the
    /// softmax of the colour's planes, and a label and confidence that are the arg-max of those
    /// probabilities, inside the colour's plane group.
    /// </summary>
    public static void ScoredAs(ActionEvent e, SolidColour colour)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(colour);
        Assert.Equal(ProbeModel.Labels, e.Labels);
        var expected = ProbeModel.Probabilities(colour);
        Assert.Equal(expected.Length, e.Probabilities.Length);
        for (var j = 0; j < expected.Length; j++)
        {
            Assert.True(
                Math.Abs(expected[j] - e.Probabilities[j]) <= ProbabilityTolerance,
                $"{e.CameraId}#{e.Sequence} p[{e.Labels[j]}] = {e.Probabilities[j]}, expected {expected[j]:F5} ± {ProbabilityTolerance}");
        }

        // Every plane of the winning colour has the same expected logit, so compression noise decides
        // which of them wins; it must be one of them, and the one with the highest probability.
        var best = Array.IndexOf(e.Probabilities, e.Probabilities.Max());
        Assert.StartsWith(colour.LabelPrefix, e.Label, StringComparison.Ordinal);
        Assert.Equal(e.Labels[best], e.Label);
        Assert.Equal(e.Probabilities[best], e.Confidence, 5);
    }
}
