using ActionNet.Abstractions.History;

namespace ActionNet.Storage;

/// <summary>
/// Merges per-camera streams, each already in key order, into one page of at most <c>limit</c> records
/// in key order, pulling only what the page needs (each stream starts one request at a time, a bounded
/// number at once). The next token is the key of the page's last record when any stream has more.
/// </summary>
internal static class PageMerge
{
    public static async Task<HistoryPage<T>> TakeAsync<T>(
        IReadOnlyList<IAsyncEnumerable<T>> streams,
        Func<T, (long Ticks, string Camera, long Sequence)> key,
        HistoryQuery query,
        string kind,
        int concurrency,
        CancellationToken cancellationToken)
    {
        var enumerators = streams.Select(s => s.GetAsyncEnumerator(cancellationToken)).ToArray();
        try
        {
            var queue = new PriorityQueue<int, (long, string, long)>(Comparer<(long Ticks, string Camera, long Sequence)>.Create(Compare));
            using var gate = new SemaphoreSlim(Math.Max(1, concurrency));
            var first = await Task.WhenAll(enumerators.Select(async e =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    return await e.MoveNextAsync();
                }
                finally
                {
                    gate.Release();
                }
            }));
            for (var i = 0; i < enumerators.Length; i++)
            {
                if (first[i])
                {
                    queue.Enqueue(i, key(enumerators[i].Current));
                }
            }

            var items = new List<T>(Math.Min(query.Limit, 1024));
            while (items.Count < query.Limit && queue.TryDequeue(out var index, out _))
            {
                items.Add(enumerators[index].Current);
                if (await enumerators[index].MoveNextAsync())
                {
                    queue.Enqueue(index, key(enumerators[index].Current));
                }
            }

            string? next = null;
            if (queue.Count > 0 && items.Count > 0)
            {
                var (ticks, camera, sequence) = key(items[^1]);
                next = HistoryCursor.After(query, kind, ticks, camera, sequence).Encode();
            }

            return new HistoryPage<T> { Items = [.. items], Next = next };
        }
        finally
        {
            foreach (var e in enumerators)
            {
                await e.DisposeAsync();
            }
        }
    }

    public static int Compare((long Ticks, string Camera, long Sequence) x, (long Ticks, string Camera, long Sequence) y)
    {
        var byTime = x.Ticks.CompareTo(y.Ticks);
        if (byTime != 0)
        {
            return byTime;
        }

        var byCamera = string.CompareOrdinal(x.Camera, y.Camera);
        return byCamera != 0 ? byCamera : x.Sequence.CompareTo(y.Sequence);
    }

    /// <summary>Whether a record of <paramref name="camera"/> at (<paramref name="ticks"/>, <paramref name="sequence"/>) sorts after <paramref name="cursor"/>.</summary>
    public static bool After(HistoryCursor? cursor, long ticks, string camera, long sequence) =>
        cursor is null || Compare((ticks, camera, sequence), (cursor.Ticks, cursor.Camera, cursor.Sequence)) > 0;
}
