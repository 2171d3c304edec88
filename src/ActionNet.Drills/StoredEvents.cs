using System.Text.Json;
using ActionNet.Abstractions.History;
using ActionNet.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ActionNet.Drills;

/// <summary>
/// Reads a camera's events straight from the history container, blob by blob, without the history's
/// query (which returns each (camera, sequence) once and so would hide a duplicate write).
/// </summary>
public static class StoredEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every event line in every blob under <c>events/{camera}/</c>, in blob-name order.</summary>
    public static async Task<IReadOnlyList<ActionEvent>> ReadAsync(string connectionString, string cameraId)
    {
        var options = new HistoryStorageOptions { ConnectionString = connectionString };
        var container = new BlobContainerClient(connectionString, options.ContainerName, LabelStore.CreateClientOptions(options));
        var events = new List<ActionEvent>();
        if (!await container.ExistsAsync())
        {
            return events;
        }

        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"events/{cameraId}/" }))
        {
            var content = await container.GetBlobClient(blob.Name).DownloadContentAsync();
            foreach (var line in content.Value.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                events.Add(JsonSerializer.Deserialize<ActionEvent>(line, Json) ?? throw new JsonException($"null event in {blob.Name}"));
            }
        }

        return events;
    }

    /// <summary>How many stored lines repeat a (camera, sequence) already stored.</summary>
    public static int Duplicates(IEnumerable<ActionEvent> events) =>
        events.GroupBy(e => (e.CameraId, e.Sequence)).Sum(g => g.Count() - 1);

    /// <summary>Sequence numbers missing between the first and the last stored one.</summary>
    public static IReadOnlyList<long> Holes(IEnumerable<ActionEvent> events)
    {
        var sequences = events.Select(e => e.Sequence).Distinct().Order().ToArray();
        var holes = new List<long>();
        for (var i = 1; i < sequences.Length; i++)
        {
            for (var s = sequences[i - 1] + 1; s < sequences[i]; s++)
            {
                holes.Add(s);
            }
        }

        return holes;
    }

    /// <summary>
    /// The longest time between consecutive events (by window end) among <paramref name="events"/> whose end
    /// lies in [<paramref name="from"/>, <paramref name="to"/>], the edges of the range included as if they
    /// were events, so a camera that stopped reporting shows the whole silence.
    /// </summary>
    public static TimeSpan LongestPause(IEnumerable<ActionEvent> events, DateTimeOffset from, DateTimeOffset to)
    {
        var ends = events.Select(e => e.End).Where(t => t >= from && t <= to).Order().Prepend(from).Append(to).ToArray();
        var longest = TimeSpan.Zero;
        for (var i = 1; i < ends.Length; i++)
        {
            longest = ends[i] - ends[i - 1] > longest ? ends[i] - ends[i - 1] : longest;
        }

        return longest;
    }
}
