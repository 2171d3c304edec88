using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ActionNet.Storage;

/// <summary>
/// Listing and reading history blobs. A container that does not exist lists as empty: there is no
/// history yet, which is not an outage.
/// </summary>
internal sealed class HistoryListing(BlobContainerClient container, int concurrency)
{
    public async Task<List<T>[]> DownloadAsync<T>(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var blobs = new List<List<T>>();
        foreach (var chunk in names.Chunk(concurrency))
        {
            var contents = await Task.WhenAll(chunk.Select(name => container.GetBlobClient(name).DownloadContentAsync(cancellationToken)));
            blobs.AddRange(contents.Select(c => JsonLines.Read<T>(c.Value.Content)));
        }

        return [.. blobs];
    }

    public async Task<List<string>> ListNamesAsync(string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        try
        {
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
            {
                names.Add(item.Name);
            }
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return [];
        }

        return names;
    }

    public async Task<List<string>> ListChildPrefixesAsync(string prefix, CancellationToken cancellationToken)
    {
        var children = new List<string>();
        try
        {
            var listing = new GetBlobsByHierarchyOptions { Prefix = prefix, Delimiter = "/" };
            await foreach (var item in container.GetBlobsByHierarchyAsync(listing, cancellationToken))
            {
                if (item.IsPrefix)
                {
                    children.Add(item.Prefix);
                }
            }
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return [];
        }

        return children;
    }

    // Walks year/month/day/hour from the newest down, so only a handful of listings are needed.
    public async Task<List<string>> NewestPartitionsAsync(string prefix, int depth, int wanted, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        var children = await ListChildPrefixesAsync(prefix, cancellationToken);
        foreach (var child in children.OrderDescending(StringComparer.Ordinal))
        {
            found.AddRange(depth == 1 ? [child] : await NewestPartitionsAsync(child, depth - 1, wanted - found.Count, cancellationToken));
            if (found.Count >= wanted)
            {
                break;
            }
        }

        return found;
    }
}
