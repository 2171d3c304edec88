using System.Collections.Concurrent;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// Reuses window pixel arrays of one exact length (a payload must be exactly T*H*W*C bytes, so the shared
/// array pool, which rounds up, does not fit). Keeps at most a few arrays; thread-safe.
/// </summary>
public sealed class WindowArrayPool(int retained = 8)
{
    private readonly ConcurrentDictionary<int, ConcurrentBag<byte[]>> free = new();

    /// <summary>An array of exactly <paramref name="length"/> bytes (contents undefined).</summary>
    public byte[] Rent(int length) =>
        free.TryGetValue(length, out var bag) && bag.TryTake(out var array) ? array : new byte[length];

    /// <summary>Gives <paramref name="array"/> back; null is ignored.</summary>
    public void Return(byte[]? array)
    {
        if (array is null)
        {
            return;
        }

        var bag = free.GetOrAdd(array.Length, _ => []);
        if (bag.Count < retained)
        {
            bag.Add(array);
        }
    }
}
