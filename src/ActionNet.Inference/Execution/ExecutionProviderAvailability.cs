using System.Collections.Concurrent;
namespace ActionNet.Inference.Execution;

/// <summary>
/// Remembers which execution providers failed to load in this process, so each failure is reported
/// once and later sessions skip the provider instead of paying for the failed load again.
/// </summary>
public sealed class ExecutionProviderAvailability
{
    private readonly ConcurrentDictionary<ExecutionProvider, string> unavailable = new();

    /// <summary>The process-wide instance used by default.</summary>
    public static ExecutionProviderAvailability Shared { get; } = new();

    /// <summary>Providers known to be unavailable, with the reason found.</summary>
    public IReadOnlyDictionary<ExecutionProvider, string> Unavailable => unavailable;

    /// <summary>Whether <paramref name="provider"/> already failed in this process.</summary>
    public bool IsKnownUnavailable(ExecutionProvider provider) => unavailable.ContainsKey(provider);

    /// <summary>Records that <paramref name="provider"/> failed to load, with the reason found.</summary>
    /// <returns>True when this was the first failure recorded for the provider in this process.</returns>
    public bool MarkUnavailable(ExecutionProvider provider, string reason) => unavailable.TryAdd(provider, reason);

    /// <summary>The provider's usual name: TensorRT, CUDA or CPU.</summary>
    public static string DisplayName(ExecutionProvider provider) => provider switch
    {
        ExecutionProvider.TensorRt => "TensorRT",
        ExecutionProvider.Cuda => "CUDA",
        ExecutionProvider.Cpu => "CPU",
        _ => provider.ToString(),
    };
}
