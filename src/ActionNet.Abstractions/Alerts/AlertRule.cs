namespace ActionNet.Abstractions.Alerts;

/// <summary>
/// When to raise an alert and where to send it: a label segment of a watched camera whose label is
/// <see cref="Label"/>, whose running mean confidence reaches <see cref="MinConfidence"/> and which has lasted
/// <see cref="MinDurationSeconds"/> starts a firing; the firing is updated while the segment grows and ends
/// with it. Key: <see cref="Id"/>. Checked by <see cref="AlertInputRules"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.alert-rule")]
public sealed record AlertRule
{
    /// <summary>The camera list entry that watches every camera.</summary>
    public const string AllCameras = "*";

    /// <summary>The rule id: 1 to 63 characters of a-z, 0-9 and '-' (the key of its stored row).</summary>
    [Id(0)] public string Id { get; init; } = "";

    /// <summary>Camera ids the rule watches, or <see cref="AllCameras"/> alone for every camera.</summary>
    [Id(1)] public string[] Cameras { get; init; } = [AllCameras];

    /// <summary>The label (a model class name, ordinal match) that fires the rule.</summary>
    [Id(2)] public string Label { get; init; } = "";

    /// <summary>
    /// Least running mean confidence of the segment, 0 to 1: the mean of its events' confidences so far, the
    /// same mean the stored segment reports.
    /// </summary>
    [Id(3)] public double MinConfidence { get; init; }

    /// <summary>Least seconds the segment must cover (the stored segment's <c>Seconds</c>) before it fires; 0 fires on its first event.</summary>
    [Id(4)] public double MinDurationSeconds { get; init; }

    /// <summary>
    /// Seconds after a firing's segment ended during which a new segment of the same camera does not fire
    /// this rule (measured from that end to the new segment's start, in camera time).
    /// </summary>
    [Id(5)] public double CooldownSeconds { get; init; }

    /// <summary>An http:// or https:// URL each firing phase is POSTed to (signed, see <see cref="AlertNotification"/>); null: no webhook.</summary>
    [Id(6)] public string? WebhookUrl { get; init; }

    /// <summary>Whether each firing phase is published to the cluster's MQTT broker.</summary>
    [Id(7)] public bool Mqtt { get; init; }

    /// <summary>Whether the rule starts firings; a disabled rule's open firings still end.</summary>
    [Id(8)] public bool Enabled { get; init; } = true;

    /// <summary>Whether the rule watches <paramref name="cameraId"/>.</summary>
    public bool Watches(string cameraId) => Cameras.Contains(AllCameras, StringComparer.Ordinal) || Cameras.Contains(cameraId, StringComparer.Ordinal);
}
