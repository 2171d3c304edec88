using System.Globalization;
using ActionNet.Abstractions.Cameras;

namespace ActionNet.Abstractions.Alerts;

/// <summary>
/// The rules every alert rule meets wherever it enters (the CLI, the rules grain, the API). Each problem is
/// one line naming the field (as the API spells it) and what was expected. Rule ids are storage keys, so they
/// follow the camera id rules. A webhook URL carries no credentials: the signature authenticates the sender,
/// and the rule is listed back as it was given.
/// </summary>
public static class AlertInputRules
{
    /// <summary>The most cameras one rule names.</summary>
    public const int MaxCameras = 256;

    /// <summary>The longest label, in characters.</summary>
    public const int MaxLabelLength = 128;

    /// <summary>The longest minimum duration, in seconds (a segment never outlasts its UTC hour).</summary>
    public const double MaxDurationSeconds = 3600;

    /// <summary>The longest cooldown, in seconds (a week).</summary>
    public const double MaxCooldownSeconds = 604_800;

    /// <summary>The longest webhook URL, in characters.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>The most deliveries one page lists.</summary>
    public const int MaxDeliveriesLimit = 1000;

    /// <summary>Whether <paramref name="id"/> is a legal rule id (1 to 63 characters of a-z, 0-9 and '-', not starting with '-').</summary>
    public static bool IsValidId(string? id) => CameraIds.IsValid(id);

    /// <summary>Returns <paramref name="id"/> when legal; otherwise throws a one-line <see cref="ArgumentException"/>.</summary>
    /// <exception cref="ArgumentException">The id is empty, too long, or has a character outside a-z, 0-9 and '-'.</exception>
    public static string ValidateId(string? id) => IsValidId(id)
        ? id!
        : throw new ArgumentException($"id '{CameraInputRules.Quote(id)}' is invalid: expected 1 to {CameraIds.MaxLength} characters of a-z, 0-9 and '-', starting with a letter or digit");

    /// <summary>The first problem with <paramref name="rule"/>, or null when it meets every rule here.</summary>
    public static string? Problem(AlertRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return (IsValidId(rule.Id) ? null : $"id '{CameraInputRules.Quote(rule.Id)}' is invalid: expected 1 to {CameraIds.MaxLength} characters of a-z, 0-9 and '-', starting with a letter or digit")
            ?? CamerasProblem(rule.Cameras)
            ?? LabelProblem(rule.Label)
            ?? RangeProblem("minConfidence", rule.MinConfidence, 1, "a number from 0 to 1")
            ?? RangeProblem("minDurationSeconds", rule.MinDurationSeconds, MaxDurationSeconds, $"seconds from 0 to {MaxDurationSeconds.ToString(CultureInfo.InvariantCulture)}")
            ?? RangeProblem("cooldownSeconds", rule.CooldownSeconds, MaxCooldownSeconds, $"seconds from 0 to {MaxCooldownSeconds.ToString(CultureInfo.InvariantCulture)}")
            ?? WebhookProblem(rule.WebhookUrl)
            ?? (string.IsNullOrEmpty(rule.WebhookUrl) && !rule.Mqtt ? "the rule has no target: expected webhookUrl, mqtt or both" : null);
    }

    /// <summary>Returns <paramref name="rule"/> when it meets every rule here; otherwise throws a one-line <see cref="ArgumentException"/>.</summary>
    /// <exception cref="ArgumentException">The first problem (see <see cref="Problem"/>).</exception>
    public static AlertRule Validate(AlertRule rule) => Problem(rule) is { } problem ? throw new ArgumentException(problem) : rule;

    /// <summary>Why <paramref name="url"/> cannot be a webhook URL, or null (also for none).</summary>
    public static string? WebhookProblem(string? url)
    {
        if (url is null || url.Length == 0)
        {
            return null;
        }

        if (url.Length > MaxUrlLength)
        {
            return $"webhookUrl is {url.Length} characters long; expected at most {MaxUrlLength}";
        }

        // Shown with any credential masked: the message may reach logs and API answers.
        var shown = SourceUrl.Redact(url);
        if (CameraInputRules.TextProblem("webhookUrl", shown, MaxUrlLength) is { } text)
        {
            return text;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            return $"webhookUrl '{CameraInputRules.Quote(shown)}' is invalid: expected an absolute http:// or https:// URL";
        }

        if (uri.UserInfo.Length > 0 || new SourceUrl(url).HasCredentials)
        {
            return $"webhookUrl '{CameraInputRules.Quote(shown)}' carries credentials: expected none (receivers verify the X-ActionNet-Signature header)";
        }

        return uri.Fragment.Length > 0 ? $"webhookUrl '{CameraInputRules.Quote(shown)}' has a fragment: expected none" : null;
    }

    /// <summary>Throws a one-line <see cref="ArgumentException"/> unless <paramref name="limit"/> is 1 to <see cref="MaxDeliveriesLimit"/>.</summary>
    /// <exception cref="ArgumentException">The limit is out of range.</exception>
    public static int ValidateLimit(int limit) => limit is >= 1 and <= MaxDeliveriesLimit
        ? limit
        : throw new ArgumentException($"limit '{limit.ToString(CultureInfo.InvariantCulture)}' is invalid: expected a whole number from 1 to {MaxDeliveriesLimit}");

    private static string? CamerasProblem(string[]? cameras)
    {
        if (cameras is null || cameras.Length == 0)
        {
            return $"cameras is empty: expected camera ids or '{AlertRule.AllCameras}'";
        }

        if (cameras.Length > MaxCameras)
        {
            return $"cameras names {cameras.Length} cameras: expected at most {MaxCameras} (or '{AlertRule.AllCameras}')";
        }

        if (cameras.Contains(AlertRule.AllCameras, StringComparer.Ordinal) && cameras.Length > 1)
        {
            return $"cameras mixes '{AlertRule.AllCameras}' with camera ids: expected '{AlertRule.AllCameras}' alone or camera ids";
        }

        if (cameras.FirstOrDefault(c => c != AlertRule.AllCameras && !CameraIds.IsValid(c)) is { } bad)
        {
            return $"cameras holds '{CameraInputRules.Quote(bad)}': expected camera ids of 1 to {CameraIds.MaxLength} characters of a-z, 0-9 and '-', or '{AlertRule.AllCameras}'";
        }

        return cameras.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice
            ? $"cameras names '{twice.Key}' twice: expected each camera once"
            : null;
    }

    private static string? LabelProblem(string? label)
    {
        if (CameraInputRules.TextProblem("label", label, MaxLabelLength) is { } text)
        {
            return text;
        }

        return label!.Trim().Length != label.Length ? $"the label '{CameraInputRules.Quote(label)}' has leading or trailing spaces: expected the model's class name exactly" : null;
    }

    private static string? RangeProblem(string field, double value, double max, string expected) =>
        double.IsFinite(value) && value >= 0 && value <= max
            ? null
            : $"{field} '{(double.IsNaN(value) ? "NaN" : value.ToString(CultureInfo.InvariantCulture))}' is invalid: expected {expected}";
}
