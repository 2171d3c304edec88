using ActionNet.Vision.Detection;
using ActionNet.Vision.Tracking;

namespace ActionNet.Vision.Tests;

/// <summary>
/// CLEAR-MOT style identity bookkeeping: each frame, ground-truth people are matched one to one to confirmed
/// tracks with IoU at least 0.5 (Hungarian assignment); a person matched to another track than the one it
/// was last matched to is an id switch.
/// </summary>
internal sealed class IdSwitchCounter
{
    private readonly Dictionary<int, int> _lastTrack = [];

    /// <summary>Ground-truth person-frames offered.</summary>
    public int PersonFrames { get; private set; }

    /// <summary>Person-frames matched to a confirmed track (the track-frames switches are counted over).</summary>
    public int TrackFrames { get; private set; }

    /// <summary>Times a person's matched track changed.</summary>
    public int Switches { get; private set; }

    /// <summary>Id switches per 100 track-frames.</summary>
    public double SwitchesPer100 => TrackFrames == 0 ? 0 : 100.0 * Switches / TrackFrames;

    /// <summary>Matched share of the person-frames.</summary>
    public double Coverage => PersonFrames == 0 ? 0 : (double)TrackFrames / PersonFrames;

    public void Add(IReadOnlyList<(int Person, PixelBox Box)> truth, IReadOnlyList<TrackedPerson> tracks)
    {
        var confirmed = tracks.Where(t => t.State == TrackState.Confirmed).ToList();
        PersonFrames += truth.Count;
        if (truth.Count == 0 || confirmed.Count == 0)
        {
            return;
        }

        var cost = new double[truth.Count, confirmed.Count];
        for (var p = 0; p < truth.Count; p++)
        {
            for (var t = 0; t < confirmed.Count; t++)
            {
                var iou = truth[p].Box.IoU(confirmed[t].Box);
                cost[p, t] = iou >= 0.5f ? 1 - iou : 1e4;
            }
        }

        var assignment = HungarianAssignment.Solve(cost);
        for (var p = 0; p < truth.Count; p++)
        {
            var t = assignment[p];
            if (t < 0 || cost[p, t] >= 1e4)
            {
                continue;
            }

            TrackFrames++;
            var id = confirmed[t].Id;
            if (_lastTrack.TryGetValue(truth[p].Person, out var last) && last != id)
            {
                Switches++;
            }

            _lastTrack[truth[p].Person] = id;
        }
    }
}
