using System.Globalization;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// Public track ids of one camera's people: a person's id is the sequence number of their first recorded window, so
/// ids are unique within the camera for good (sequences never repeat across moves and restarts) without any state of
/// their own. Remembers the most recent <c>capacity</c> people (trackers never reuse an id within a run, so a person
/// forgotten long after they left is never seen again). Not thread-safe: the camera's recorder owns it.
/// </summary>
public sealed class TrackIdMap(int capacity = 1024)
{
    private readonly Dictionary<(long Run, int Track), string> ids = [];
    private readonly Queue<(long Run, int Track)> order = new();

    /// <summary>People remembered.</summary>
    public int Count => ids.Count;

    /// <summary>The public id of <paramref name="track"/>, which becomes <paramref name="sequence"/> when this is their first recorded window.</summary>
    public string IdOf(ReaderTrack track, long sequence)
    {
        ArgumentNullException.ThrowIfNull(track);
        var key = (track.Run, track.TrackId);
        if (ids.TryGetValue(key, out var id))
        {
            return id;
        }

        id = sequence.ToString(CultureInfo.InvariantCulture);
        ids[key] = id;
        order.Enqueue(key);
        while (order.Count > capacity)
        {
            ids.Remove(order.Dequeue());
        }

        return id;
    }
}
