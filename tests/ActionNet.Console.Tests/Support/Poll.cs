namespace ActionNet.Console.Tests.Support;

/// <summary>Polls until a condition holds or a deadline passes (no fixed sleeps in tests).</summary>
public static class Poll
{
    /// <summary>Reads <paramref name="read"/> every half second until <paramref name="done"/> holds; fails naming <paramref name="what"/>.</summary>
    public static async Task<T> UntilAsync<T>(string what, TimeSpan timeout, Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what}: not within {timeout.TotalSeconds:F0} s (last: {value})");
            }

            await Task.Delay(500);
        }
    }
}
