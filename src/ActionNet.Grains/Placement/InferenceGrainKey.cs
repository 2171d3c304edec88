using System.Globalization;
using ActionNet.Abstractions.Inference;

namespace ActionNet.Grains.Placement;

/// <summary>
/// The key of an <see cref="IInferenceGrain"/>: <c>"{profile}|{acc1,acc2}|{shard}"</c>, for example
/// <c>"rgb-2d|t4,cpu|3"</c>, or <c>"rgb-2d|*|0"</c> when any accelerator will do. The allowed
/// accelerators travel in the key so that <see cref="AcceleratorPlacementFilterDirector"/> can pin the
/// activation without any configuration of its own; the shard spreads a profile's cameras over
/// several activations (and so over several silos with a suitable accelerator).
/// </summary>
/// <param name="Profile">The model profile name; it may not contain '|'.</param>
/// <param name="Accelerators">Allowed accelerator labels, lower case and sorted; empty: any.</param>
/// <param name="Shard">Which activation of the profile, 0 or more.</param>
public sealed record InferenceGrainKey(string Profile, IReadOnlyList<string> Accelerators, int Shard)
{
    /// <summary>The accelerator list that allows every silo.</summary>
    public const string AnyAccelerator = "*";

    private const char Separator = '|';

    /// <summary>Whether a silo with accelerator <paramref name="label"/> may host this grain.</summary>
    public bool Allows(string? label) =>
        Accelerators.Count == 0 || (label is not null && Accelerators.Contains(label, AcceleratorMetadata.Comparer));

    /// <summary>The key for <paramref name="cameraId"/>'s windows: shard = stable hash of the id modulo <paramref name="shards"/>.</summary>
    public static InferenceGrainKey ForCamera(string profile, IEnumerable<string> accelerators, string cameraId, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shards);
        return Create(profile, accelerators, (int)(StableHash(cameraId) % (uint)shards));
    }

    /// <summary>A key with the accelerator list normalised (trimmed, lower case, sorted, distinct).</summary>
    public static InferenceGrainKey Create(string profile, IEnumerable<string> accelerators, int shard)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(profile);
        ArgumentNullException.ThrowIfNull(accelerators);
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        if (profile.Contains(Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException($"model profile name '{profile}' may not contain '{Separator}'", nameof(profile));
        }

        var labels = accelerators
            .Select(a => a.Trim().ToLowerInvariant())
            .Where(a => a.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return new InferenceGrainKey(profile, labels.Contains(AnyAccelerator) ? [] : labels, shard);
    }

    /// <summary>Parses a key made by <see cref="ToString"/>; false for any other string.</summary>
    public static bool TryParse(string? key, out InferenceGrainKey? parsed)
    {
        parsed = null;
        var parts = key?.Split(Separator);
        if (parts is not { Length: 3 } || parts[0].Length == 0
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var shard))
        {
            return false;
        }

        parsed = Create(parts[0], parts[1] == AnyAccelerator ? [] : parts[1].Split(','), shard);
        return true;
    }

    /// <summary>The grain key text.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Profile}{Separator}{(Accelerators.Count == 0 ? AnyAccelerator : string.Join(',', Accelerators))}{Separator}{Shard}");

    // FNV-1a: string.GetHashCode is randomised per process, and every silo must pick the same shard.
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
