using System.Diagnostics;
using Xunit.Sdk;

namespace ActionNet.Cluster.Tests.Support;

/// <summary>
/// Polls for something to become true before a deadline (never a bare sleep). A probe that throws
/// counts as "not yet" (silos die and restart under these tests); the last value and the last error
/// go into the failure message together with the cluster's diagnostics.
/// </summary>
public static class Deadline
{
    /// <summary>Time between probes.</summary>
    public static TimeSpan Interval { get; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Calls <paramref name="probe"/> until <paramref name="done"/> holds for its value and returns that
    /// value; fails after <paramref name="timeout"/> with <paramref name="what"/> and <paramref name="diagnostics"/>.
    /// </summary>
    public static async Task<T> WaitAsync<T>(string what, TimeSpan timeout, Func<Task<T>> probe, Func<T, bool> done, Func<string>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var clock = Stopwatch.StartNew();
        var last = default(T);
        Exception? lastError = null;
        while (true)
        {
            try
            {
                last = await probe();
                lastError = null;
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception e) when (e is not XunitException)
            {
                lastError = e;
            }

            if (clock.Elapsed > timeout)
            {
                throw new XunitException(
                    $"timed out after {timeout.TotalSeconds:F0} s waiting for {what}\n" +
                    $"last value: {Describe(last)}\n" +
                    $"last error: {(lastError is null ? "none" : $"{lastError.GetType().Name}: {lastError.Message}")}\n" +
                    (diagnostics?.Invoke() ?? ""));
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>
    /// Waits until <paramref name="count"/> has not changed for <paramref name="quiet"/> (the thing it counts
    /// has stopped), failing after <paramref name="timeout"/>; returns the settled count.
    /// </summary>
    public static async Task<int> WaitUntilSettledAsync(string what, TimeSpan quiet, TimeSpan timeout, Func<Task<int>> count, Func<string>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(count);
        var clock = Stopwatch.StartNew();
        var value = await count();
        var since = Stopwatch.StartNew();
        while (since.Elapsed < quiet)
        {
            if (clock.Elapsed > timeout)
            {
                throw new XunitException($"{what} still changing after {timeout.TotalSeconds:F0} s (now {value})\n{diagnostics?.Invoke()}");
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
