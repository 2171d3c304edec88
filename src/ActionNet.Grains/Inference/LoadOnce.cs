using System.Collections.Concurrent;

namespace ActionNet.Grains.Inference;

/// <summary>A cache of loads that run once per key; a load that fails is forgotten so the next call tries again.</summary>
internal static class LoadOnce
{
    /// <summary>The value of <paramref name="key"/>, loading it with <paramref name="load"/> on first use.</summary>
    public static async Task<T> GetAsync<T>(ConcurrentDictionary<string, Lazy<Task<T>>> cache, string key, Func<Task<T>> load)
    {
        var entry = cache.GetOrAdd(key, _ => new Lazy<Task<T>>(load));
        try
        {
            return await entry.Value;
        }
        catch
        {
            cache.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(key, entry));
            throw;
        }
    }
}
