using System.Text.Json;
using ActionNet.Abstractions.History;
using ActionNet.Storage;
using Azure.Storage.Blobs;

namespace ActionNet.Cluster.Tests.Support;

/// <summary>
/// Reads a camera's events straight from the history container in Azurite, blob by blob, without the
/// history's query (which returns each (camera, sequence) once and so would hide a duplicate write).
/// </summary>
public static class StoredEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every event line in every blob under <c>events/{camera}/</c>, in blob-name order.</summary>
    public static async Task<IReadOnlyList<ActionEvent>> ReadAsync(string connectionString, string cameraId)
    {
        var options = new HistoryStorageOptions { ConnectionString = connectionString };
        var container = new BlobContainerClient(connectionString, options.ContainerName, LabelHistory.CreateClientOptions(options));
        var events = new List<ActionEvent>();
        if (!await container.ExistsAsync())
        {
            return events;
        }

        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"events/{cameraId}/" }))
        {
            var content = await container.GetBlobClient(blob.Name).DownloadContentAsync();
            foreach (var line in content.Value.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                events.Add(JsonSerializer.Deserialize<ActionEvent>(line, Json) ?? throw new JsonException($"null event in {blob.Name}"));
            }
        }

        return events;
    }
}
