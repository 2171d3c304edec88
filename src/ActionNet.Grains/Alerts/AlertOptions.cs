using ActionNet.Abstractions.Alerts;

namespace ActionNet.Grains.Alerts;

/// <summary>
/// How alert firings are delivered and where rules and deliveries are stored, bound from the
/// <see cref="SectionName"/> section. Without a webhook secret, rules cannot ask for a webhook; without an
/// MQTT host, they cannot ask for MQTT (<see cref="IAlertRulesGrain.PutAsync"/> says so).
/// </summary>
public sealed class AlertOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ActionNet:Alerts";

    /// <summary>The shortest webhook secret accepted, in characters.</summary>
    public const int MinSecretLength = 16;

    /// <summary>
    /// The key of the webhook signature (<c>X-ActionNet-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>);
    /// at least <see cref="MinSecretLength"/> characters. Never logged or reported.
    /// </summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>The MQTT broker.</summary>
    public MqttBrokerOptions Mqtt { get; set; } = new();

    /// <summary>The Azure Table holding rules, the latest firing per rule and camera, and the router's checkpoint.</summary>
    public string RulesTable { get; set; } = "ActionNetAlertRules";

    /// <summary>The Azure Table holding deliveries (the outbox).</summary>
    public string DeliveriesTable { get; set; } = "ActionNetAlertDeliveries";

    /// <summary>
    /// Seconds a delivery is retried, counted from when it was recorded; a receiver still unreachable after
    /// that is recorded as failed.
    /// </summary>
    public int RetrySeconds { get; set; } = 600;

    /// <summary>Milliseconds before the first retry; each further retry waits twice as long, up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    public int FirstRetryDelayMs { get; set; } = 500;

    /// <summary>Longest wait between two attempts, in seconds.</summary>
    public int MaxRetryDelaySeconds { get; set; } = 30;

    /// <summary>Seconds one webhook request or MQTT connect-and-publish may take.</summary>
    public int RequestTimeoutSeconds { get; set; } = 10;

    /// <summary>Least camera-time seconds between two updates of an open firing; 0 sends no updates.</summary>
    public int UpdateIntervalSeconds { get; set; } = 30;

    /// <summary>
    /// Minutes of stored segments before its last checkpoint that a router re-reads when it (re)activates, so
    /// segments that ended while no router ran still fire.
    /// </summary>
    public int CatchUpMinutes { get; set; } = 10;

    /// <summary>
    /// Days a settled delivery (delivered or failed) stays listed before the hourly retention sweep removes it
    /// (0 keeps every delivery). It must be longer than <see cref="CatchUpMinutes"/>, so a running router never
    /// derives a swept step again; a router down for longer than the retention may send such steps again when
    /// it catches up.
    /// </summary>
    public int DeliveryRetentionDays { get; set; } = 30;

    /// <summary>
    /// The wait after the <paramref name="attempts"/>-th failed attempt: <see cref="FirstRetryDelayMs"/>, doubling
    /// with each attempt, at most <see cref="MaxRetryDelaySeconds"/>.
    /// </summary>
    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxRetryDelaySeconds * 1000.0, FirstRetryDelayMs * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30))));

    /// <summary>Problems, one line each naming its key; empty when valid. Secrets are never repeated.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (WebhookSecret.Length is > 0 and < MinSecretLength)
        {
            errors.Add($"{SectionName}:{nameof(WebhookSecret)} is {WebhookSecret.Length} characters long; expected at least {MinSecretLength}");
        }

        if (Mqtt.IsConfigured && Uri.CheckHostName(Mqtt.Host) == UriHostNameType.Unknown)
        {
            errors.Add($"{SectionName}:{nameof(Mqtt)}:{nameof(MqttBrokerOptions.Host)} '{Abstractions.Cameras.CameraInputRules.Quote(Mqtt.Host)}' is not a host name or address");
        }

        Range(errors, $"{nameof(Mqtt)}:{nameof(MqttBrokerOptions.Port)}", Mqtt.Port, 1, 65535);
        Range(errors, nameof(RetrySeconds), RetrySeconds, 1, 7 * 24 * 3600);
        Range(errors, nameof(FirstRetryDelayMs), FirstRetryDelayMs, 10, 60_000);
        Range(errors, nameof(MaxRetryDelaySeconds), MaxRetryDelaySeconds, 1, 3600);
        Range(errors, nameof(RequestTimeoutSeconds), RequestTimeoutSeconds, 1, 300);
        Range(errors, nameof(UpdateIntervalSeconds), UpdateIntervalSeconds, 0, 3600);
        Range(errors, nameof(CatchUpMinutes), CatchUpMinutes, 0, 24 * 60);
        Range(errors, nameof(DeliveryRetentionDays), DeliveryRetentionDays, 0, 3650);
        if (DeliveryRetentionDays > 0 && DeliveryRetentionDays * 24 * 60 <= CatchUpMinutes)
        {
            errors.Add($"{SectionName}:{nameof(DeliveryRetentionDays)} is {DeliveryRetentionDays} day(s), not longer than {SectionName}:{nameof(CatchUpMinutes)} ({CatchUpMinutes} min); expected more, or 0 to keep every delivery");
        }
        Table(errors, nameof(RulesTable), RulesTable);
        Table(errors, nameof(DeliveriesTable), DeliveriesTable);
        return errors;
    }

    /// <summary>Why a rule asking for a webhook or MQTT cannot be served by this cluster, or null.</summary>
    public string? TargetProblem(AlertRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!string.IsNullOrEmpty(rule.WebhookUrl) && WebhookSecret.Length == 0)
        {
            return $"webhookUrl cannot be used: this cluster has no {SectionName}:{nameof(WebhookSecret)} to sign webhook bodies with";
        }

        return rule.Mqtt && !Mqtt.IsConfigured
            ? $"mqtt cannot be used: this cluster has no {SectionName}:{nameof(Mqtt)}:{nameof(MqttBrokerOptions.Host)}"
            : null;
    }

    private static void Range(List<string> errors, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{SectionName}:{name} is {value}; expected {min} to {max}");
        }
    }

    private static void Table(List<string> errors, string name, string value)
    {
        if (string.IsNullOrWhiteSpace(value) || !value.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiLetter(value[0]) || value.Length is < 3 or > 63)
        {
            errors.Add($"{SectionName}:{name} '{Abstractions.Cameras.CameraInputRules.Quote(value)}' is invalid: expected 3 to 63 letters and digits, starting with a letter");
        }
    }
}
