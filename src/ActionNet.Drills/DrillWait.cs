using System.Diagnostics;

namespace ActionNet.Drills;

/// <summary>
/// Polls for something to become true before a deadline (never a bare sleep). A probe that throws counts
/// as "not yet" (silos and storage die under these drills); the last value and error go into the timeout
/// message together with the cluster's diagnostics.
/// </summary>
public static class DrillWait
{
    /// <summary>Time between probes.</summary>
    public static TimeSpan Interval { get; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Calls <paramref name="probe"/> until <paramref name="done"/> holds for its value, and returns it.</summary>
    /// <exception cref="DrillTimeoutException">Not done within <paramref name="timeout"/>.</exception>
    public static async Task<T> UntilAsync<T>(string what, TimeSpan timeout, Func<Task<T>> probe, Func<T, bool> done, Func<string>? diagnostics = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var clock = Stopwatch.StartNew();
        var last = default(T);
        Exception? lastError = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                last = await probe();
                lastError = null;
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                lastError = e;
            }

            if (clock.Elapsed > timeout)
            {
                throw new DrillTimeoutException(
                    $"timed out after {timeout.TotalSeconds:F0} s waiting for {what}\n" +
                    $"last value: {Describe(last)}\n" +
                    $"last error: {(lastError is null ? "none" : $"{lastError.GetType().Name}: {lastError.Message}")}\n" +
                    (diagnostics?.Invoke() ?? ""));
            }

            await Task.Delay(Interval, cancellationToken);
        }
    }

    private static string Describe<T>(T value) => value switch
    {
        null => "none",
        System.Collections.ICollection c => $"{c.Count} item(s)",
        _ => value.ToString() ?? "",
    };
}
