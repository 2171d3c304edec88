namespace ActionNet.Grains.Persons;

/// <summary>
/// One named person-detector profile, configured under <c>ActionNet:Detectors:&lt;name&gt;</c> like a model
/// profile: what detects people for cameras in person mode and how they are followed.
/// </summary>
public sealed record DetectorProfile
{
    /// <summary>What <see cref="Model"/> names for OpenCV's built-in HOG people detector (no weights to download).</summary>
    public const string Hog = "hog";

    /// <summary>The profile name, e.g. "hog" or "peoplenet"; cameras name it in their registration.</summary>
    public string Name { get; init; } = "";

    /// <summary><c>:Model</c>: "hog", or the path of a PeopleNet (TAO DetectNet_v2) .onnx file on every silo.</summary>
    public string Model { get; init; } = Hog;

    /// <summary><c>:Labels</c>: an explicit labels file for an ONNX detector; null: its sibling file or person, bag, face.</summary>
    public string? Labels { get; init; }

    /// <summary><c>:Threshold</c>: least confidence a person needs to be followed, 0 to 1.</summary>
    public double Threshold { get; init; } = 0.4;

    /// <summary><c>:Interval</c>: frames between detections (1: every frame); tracks are predicted in between.</summary>
    public int Interval { get; init; } = 3;

    /// <summary><c>:MaxTracks</c>: most people followed per camera, largest boxes first.</summary>
    public int MaxTracks { get; init; } = 8;

    /// <summary><c>:Context</c>: margin around each person's box, as a fraction of the box, before it is scaled to the model.</summary>
    public double Context { get; init; }

    /// <summary>Whether the profile runs OpenCV's HOG detector rather than an ONNX model.</summary>
    public bool IsHog => string.Equals(Model, Hog, StringComparison.OrdinalIgnoreCase);
}
