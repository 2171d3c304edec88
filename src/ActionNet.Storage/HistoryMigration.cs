using System.Text.Json;
using System.Text.RegularExpressions;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using Azure.Storage.Blobs.Models;

namespace ActionNet.Storage;

/// <summary>
/// <c>history migrate</c>: converts history written in the earlier layout (one block blob per flush,
/// <c>{events|segments|gaps}/{camera}/{yyyy}/{MM}/{dd}/{HH}/{first}-{last}.jsonl</c>, no index) into this
/// store: the events and gaps are written through the camera's writer in sequence order (segments and
/// totals are rebuilt from them, so the old segment blobs are not needed), then the old blobs are deleted.
/// Run it before upgraded silos write the camera (it takes the camera's writer). A repeated run after a
/// failure writes nothing twice.
/// </summary>
public sealed partial class HistoryMigration(LabelStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] Roots = ["events", "segments", "gaps"];

    /// <summary>Cameras that still have blobs of the earlier layout.</summary>
    public async Task<IReadOnlyList<string>> CamerasToMigrateAsync(CancellationToken cancellationToken = default) =>
        await store.GuardAsync(
            async () =>
            {
                var cameras = new SortedSet<string>(StringComparer.Ordinal);
                if (!await store.Container.ExistsAsync(cancellationToken))
                {
                    return (IReadOnlyList<string>)[];
                }

                foreach (var root in Roots)
                {
                    await foreach (var item in store.Container.GetBlobsAsync(new GetBlobsOptions { Prefix = root + "/" }, cancellationToken))
                    {
                        if (OldName().Match(item.Name) is { Success: true } m)
                        {
                            cameras.Add(m.Groups["camera"].Value);
                        }
                    }
                }

                return [.. cameras];
            },
            cancellationToken);

    /// <summary>Migrates <paramref name="cameraId"/>; returns the events and gaps written and the old blobs removed.</summary>
    public Task<(int Events, int Gaps, int BlobsRemoved)> MigrateAsync(string cameraId, CancellationToken cancellationToken = default)
    {
        var camera = CameraIds.Validate(cameraId);
        return store.GuardAsync(
            async () =>
            {
                var events = new Dictionary<long, ActionEvent>();
                var gaps = new List<HistoryGap>();
                var old = new List<string>();
                foreach (var root in Roots)
                {
                    await foreach (var item in store.Container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{root}/{camera}/" }, cancellationToken))
                    {
                        if (!OldName().IsMatch(item.Name))
                        {
                            continue;
                        }

                        old.Add(item.Name);
                        var content = (await store.Container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken)).Value.Content.ToMemory();
                        foreach (var line in JsonLines.Lines(content).Where(l => l.Length > 0))
                        {
                            if (root == "events" && JsonSerializer.Deserialize<ActionEvent>(line.Span, Json) is { } e)
                            {
                                events.TryAdd(e.Sequence, e);
                            }
                            else if (root == "gaps" && JsonSerializer.Deserialize<HistoryGap>(line.Span, Json) is { } g)
                            {
                                gaps.Add(g);
                            }
                        }
                    }
                }

                var records = events.Values.Select(e => new HistoryRecord { Event = e })
                    .Concat(gaps.DistinctBy(g => g.NextSequence).Select(g => new HistoryRecord { Gap = g }))
                    .OrderBy(r => r.Sequence).ThenBy(r => r.Event is null ? 0 : 1)
                    .ToList();
                if (records.Count > 0)
                {
                    var writer = await store.OpenWriterAsync(camera, "migration", cancellationToken);
                    if (events.Values.FirstOrDefault() is { } first)
                    {
                        await store.RegisterCameraAsync(camera, first.Labels, cancellationToken);
                    }

                    foreach (var chunk in records.Chunk(500))
                    {
                        await writer.WriteAsync(chunk, cancellationToken);
                    }
                }

                foreach (var name in old)
                {
                    await store.Container.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken);
                }

                return (events.Count, gaps.Count, old.Count);
            },
            cancellationToken);
    }

    [GeneratedRegex(@"^(events|segments|gaps)/(?<camera>[a-z0-9][a-z0-9-]{0,62})/\d{4}/\d{2}/\d{2}/\d{2}/\d{12}-\d{12}\.jsonl$")]
    private static partial Regex OldName();
}
