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

    /// <summary>
    /// Polls <paramref name="count"/> until it has not changed for <paramref name="quiet"/>, and returns it:
    /// for "nothing more arrives" checks. Fails with the cluster's diagnostics after <paramref name="timeout"/>.
    /// </summary>
    /// <exception cref="DrillTimeoutException">The count still changed after <paramref name="timeout"/>.</exception>
    public static async Task<int> UntilSettledAsync(string what, TimeSpan quiet, TimeSpan timeout, Func<Task<int>> count, Func<string>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(count);
        var clock = Stopwatch.StartNew();
        var value = await count();
        var since = Stopwatch.StartNew();
        while (since.Elapsed < quiet)
        {
            if (clock.Elapsed > timeout)
            {
                throw new DrillTimeoutException($"{what} still changing after {timeout.TotalSeconds:F0} s (now {value})\n{diagnostics?.Invoke()}");
            }

            await Task.Delay(Interval);
            var next = await count();
            if (next != value)
            {
                value = next;
                since.Restart();
            }
        }

        return value;
    }

    private static string Describe<T>(T value) => value switch
    {
        null => "none",
        System.Collections.ICollection c => $"{c.Count} item(s)",
        _ => value.ToString() ?? "",
    };
}
