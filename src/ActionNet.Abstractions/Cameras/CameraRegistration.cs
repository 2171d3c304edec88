namespace ActionNet.Abstractions.Cameras;

/// <summary>
/// How a camera is read and scored; stored by <see cref="ICameraGrain"/> (key: camera id).
/// Nullable numbers mean "use the model profile's default".
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.camera-registration")]
public sealed record CameraRegistration
{
    /// <summary>
    /// Where frames come from: an rtsp://, http(s):// URL or a local file path. May hold credentials when
    /// sent by a client, so show it only through <see cref="SourceUrl.Redact"/>; in storage it is masked
    /// and the credentials live in <see cref="SealedSource"/>.
    /// </summary>
    [Id(0)] public string Source { get; init; } = "";

    /// <summary>Whether a file source restarts from its first frame when it ends (demos and tests).</summary>
    [Id(1)] public bool Loop { get; init; }

    /// <summary>Name of the model profile that scores this camera's windows, e.g. "rgb-2d".</summary>
    [Id(2)] public string ModelProfile { get; init; } = "";

    /// <summary>Frames between the starts of consecutive windows, at least 1; null: the profile's default.</summary>
    [Id(3)] public int? Stride { get; init; }

    /// <summary>Frames skipped between kept frames (0 keeps all, k keeps every (k+1)-th); null: the profile's default.</summary>
    [Id(4)] public int? Subsample { get; init; }

    /// <summary>Most frames per second read from the source; null: no cap.</summary>
    [Id(5)] public double? FpsCap { get; init; }

    /// <summary>The part of the frame the model sees; null: the whole frame.</summary>
    [Id(6)] public RegionOfInterest? Region { get; init; }

    /// <summary>Whether the camera is read at all; a disabled camera keeps its registration and history.</summary>
    [Id(7)] public bool Enabled { get; init; } = true;

    /// <summary>
    /// The full source, credentials included, encrypted by the silos (ASP.NET Core Data Protection; the
    /// key ring is the cluster's). Set only in stored registrations, whose <see cref="Source"/> then holds
    /// the masked form; null when the source has no credentials. Clients never need it: a registration
    /// sent back unchanged keeps its sealed credentials.
    /// </summary>
    [Id(8)] public string? SealedSource { get; init; }

    /// <summary>
    /// The settings resolved against the profile and the model when the camera was registered; null for a
    /// registration stored before plans existed (it is resolved on its next activation).
    /// </summary>
    [Id(9)] public CameraPlan? Plan { get; init; }

    /// <summary>Days of this camera's history kept; null: ActionNet:History:RetentionDays; 0 keeps everything.</summary>
    [Id(10)] public int? RetentionDays { get; init; }

    /// <summary>
    /// Person mode: detect and track people and score each person's own clip (a tube of their box), so every
    /// label belongs to a tracked person; false scores the whole frame (or <see cref="Region"/>).
    /// </summary>
    [Id(11)] public bool Persons { get; init; }

    /// <summary>The detector profile person mode uses (e.g. "hog", or a PeopleNet profile); null: "hog", built in.</summary>
    [Id(12)] public string? Detector { get; init; }
}
