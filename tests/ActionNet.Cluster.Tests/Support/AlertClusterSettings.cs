namespace ActionNet.Cluster.Tests.Support;

/// <summary>
/// The silo settings of the alert tests: the webhook secret and the broker (through the environment, never
/// argv), updates every 2 s of camera time, and retries bounded to 60 s (so a receiver down for 30 s still gets
/// its firings, and one that stays down is recorded as failed within the test) at most 2 s apart.
/// </summary>
public static class AlertClusterSettings
{
    /// <summary>Seconds a delivery is retried.</summary>
    public const int RetrySeconds = 60;

    /// <summary>The silo environment for <paramref name="broker"/> and <paramref name="secret"/>.</summary>
    public static Dictionary<string, string?> For(MosquittoBroker broker, string secret)
    {
        ArgumentNullException.ThrowIfNull(broker);
        return new Dictionary<string, string?>
        {
            ["ActionNet__Alerts__WebhookSecret"] = secret,
            ["ActionNet__Alerts__Mqtt__Host"] = "127.0.0.1",
            ["ActionNet__Alerts__Mqtt__Port"] = $"{broker.Port}",
            ["ActionNet__Alerts__Mqtt__Username"] = MosquittoBroker.Username,
            ["ActionNet__Alerts__Mqtt__Password"] = broker.Password,
            ["ActionNet__Alerts__UpdateIntervalSeconds"] = "2",
            ["ActionNet__Alerts__RetrySeconds"] = $"{RetrySeconds}",
            ["ActionNet__Alerts__FirstRetryDelayMs"] = "250",
            ["ActionNet__Alerts__MaxRetryDelaySeconds"] = "2",
            ["ActionNet__Alerts__RequestTimeoutSeconds"] = "5",
        };
    }

    /// <summary>A fresh webhook secret.</summary>
    public static string NewSecret() => $"whsec-{Guid.NewGuid():N}";

    /// <summary>Whether <paramref name="text"/> repeats the webhook secret or the broker password.</summary>
    public static bool LeaksSecret(string text, MosquittoBroker broker, string secret)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(broker);
        return text.Contains(secret, StringComparison.Ordinal) || text.Contains(broker.Password, StringComparison.Ordinal);
    }
}
