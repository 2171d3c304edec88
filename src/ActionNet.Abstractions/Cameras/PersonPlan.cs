namespace ActionNet.Abstractions.Cameras;

/// <summary>
/// How a camera in person mode finds and follows people, resolved at registration from its detector profile:
/// which detector runs on every <see cref="DetectionInterval"/>-th frame, how many people are followed at once,
/// and the margin around each person's box that their clip (tube) is cut from.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.person-plan")]
public sealed record PersonPlan
{
    /// <summary>The detector profile name, e.g. "hog".</summary>
    [Id(0)] public string Detector { get; init; } = "";

    /// <summary>What the detector runs: "hog" (OpenCV's people detector) or the ONNX file's name.</summary>
    [Id(1)] public string DetectorModel { get; init; } = "";

    /// <summary>Frames between detections (1: every frame); tracks are predicted in between.</summary>
    [Id(2)] public int DetectionInterval { get; init; }

    /// <summary>Most people followed at once (largest boxes first); the rest are counted as dropped.</summary>
    [Id(3)] public int MaxTracks { get; init; }

    /// <summary>Margin added around each person's box before it is scaled to the model, as a fraction of the box (0: the box itself).</summary>
    [Id(4)] public double Context { get; init; }

    /// <summary>Least detector confidence a person needs to be followed, 0 to 1.</summary>
    [Id(5)] public double Threshold { get; init; }
}
