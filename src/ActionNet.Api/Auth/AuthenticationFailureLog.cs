namespace ActionNet.Api.Auth;

/// <summary>
/// Logs refused credentials at most once per <see cref="Window"/>, with how many more were refused since the last line:
/// a client retrying a wrong key (or someone guessing keys) costs one line a minute, not one a request.
/// </summary>
public sealed partial class AuthenticationFailureLog(ILogger<AuthenticationFailureLog> logger, TimeProvider time)
{
    /// <summary>The shortest time between two lines.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private DateTimeOffset? lastLine;
    private int unlogged;

    /// <summary>Records a refused request from <paramref name="address"/> for <paramref name="reason"/> (never the secret).</summary>
    public void Refused(string reason, string? address)
    {
        int before;
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (lastLine is { } last && now - last < Window)
            {
                unlogged++;
                return;
            }

            lastLine = now;
            before = unlogged;
            unlogged = 0;
        }

        LogRefused(address ?? "unknown", reason, before);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "authentication refused from {Address}: {Reason} ({Unlogged} more refusal(s) since the previous line; at most one line a minute)")]
    private partial void LogRefused(string address, string reason, int unlogged);
}
