using ActionNet.Abstractions;
using ActionNet.Abstractions.Cluster;
using ActionNet.Api.Hosting;
using ActionNet.Storage;

namespace ActionNet.Api.Apis;

/// <summary>
/// Whether the cluster's storage account answers, as <c>GET /api/v1/cluster</c> reports it: probed from this host
/// (the same account the silos write history to) at most every <see cref="Interval"/>.
/// </summary>
public sealed class StorageStatus(IConfiguration configuration, TimeProvider time)
{
    /// <summary>How long one probe's answer is reused.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim probing = new(1, 1);
    private (DateTimeOffset At, bool Reachable, string? Error)? last;

    /// <summary>Whether the account answered, and why not when it did not (one line, no connection string).</summary>
    public async Task<StorageReachability> GetAsync(CancellationToken cancellationToken)
    {
        await probing.WaitAsync(cancellationToken);
        try
        {
            if (last is not { } known || time.GetUtcNow() - known.At > Interval)
            {
                try
                {
                    await StorageConnectionProbe.EnsureReachableAsync(ApiHostBuilderExtensions.StorageConnectionKey, configuration[ApiHostBuilderExtensions.StorageConnectionKey], cancellationToken);
                    last = (time.GetUtcNow(), true, null);
                }
                catch (StorageAccountUnreachableException e)
                {
                    last = (time.GetUtcNow(), false, ErrorText.OneLine(e.Message));
                }
            }

            return new StorageReachability { Reachable = last.Value.Reachable, Error = last.Value.Error };
        }
        finally
        {
            probing.Release();
        }
    }
}
