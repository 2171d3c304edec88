namespace ActionNet.Abstractions.Cameras;

/// <summary>
/// A camera's settings resolved once, at registration, against its model profile and the model's
/// contract: what the camera reads and exactly how its windows are cut. Stored with the registration and
/// shown by <c>actionnet cameras status</c>; never holds credentials.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.camera-plan")]
public sealed record CameraPlan
{
    /// <summary>"file" (a local video, paced at its frame rate) or "stream" (rtsp, rtsps, http, https through ffmpeg).</summary>
    [Id(0)] public string SourceKind { get; init; } = "";

    /// <summary>The source with credentials masked.</summary>
    [Id(1)] public string RedactedSource { get; init; } = "";

    /// <summary>The model profile name.</summary>
    [Id(2)] public string Profile { get; init; } = "";

    /// <summary>Accelerator labels the profile allows (lower case); empty: any silo.</summary>
    [Id(3)] public string[] Accelerators { get; init; } = [];

    /// <summary>What the model is fed: "rgb", "flow" or "rgb+flow".</summary>
    [Id(4)] public string Inputs { get; init; } = "";

    /// <summary>Frames per window (the model's T).</summary>
    [Id(5)] public int Frames { get; init; }

    /// <summary>Model input height in pixels.</summary>
    [Id(6)] public int Height { get; init; }

    /// <summary>Model input width in pixels.</summary>
    [Id(7)] public int Width { get; init; }

    /// <summary>Kept frames between window starts.</summary>
    [Id(8)] public int Stride { get; init; }

    /// <summary>Source frames skipped after each kept one.</summary>
    [Id(9)] public int Subsample { get; init; }

    /// <summary>How frames reach model size: "Stretch" or "CenterCrop".</summary>
    [Id(10)] public string Resize { get; init; } = "";

    /// <summary>Most frames per second read from the source; null: the file's own rate.</summary>
    [Id(11)] public double? FpsCap { get; init; }

    /// <summary>The part of the frame the model sees; null: the whole frame.</summary>
    [Id(12)] public RegionOfInterest? Region { get; init; }

    /// <summary>Whether a file source loops.</summary>
    [Id(13)] public bool Loop { get; init; }

    /// <summary>Person mode's settings; null: windows are cut from the whole frame (or region).</summary>
    [Id(14)] public PersonPlan? Persons { get; init; }
}
