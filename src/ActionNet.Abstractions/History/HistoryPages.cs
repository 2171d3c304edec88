using System.Runtime.CompilerServices;

namespace ActionNet.Abstractions.History;

/// <summary>Walks every page of a history query, one page in memory at a time.</summary>
public static class HistoryPages
{
    /// <summary>
    /// Every record matching <paramref name="query"/>, fetching page after page through
    /// <paramref name="fetch"/> (e.g. <see cref="IHistoryGrain.QueryAsync"/>) until a page has no next token.
    /// </summary>
    public static async IAsyncEnumerable<T> AllAsync<T>(HistoryQuery query, Func<HistoryQuery, Task<HistoryPage<T>>> fetch, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(fetch);
        var next = query;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetch(next);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            if (page.Next is null)
            {
                yield break;
            }

            next = next with { After = page.Next };
        }
    }

    /// <summary>Every record matching <paramref name="query"/>, collected (for small results: tests, drills, benchmarks).</summary>
    public static async Task<List<T>> ToListAsync<T>(HistoryQuery query, Func<HistoryQuery, Task<HistoryPage<T>>> fetch, CancellationToken cancellationToken = default)
    {
        var all = new List<T>();
        await foreach (var item in AllAsync(query, fetch, cancellationToken))
        {
            all.Add(item);
        }

        return all;
    }
}
