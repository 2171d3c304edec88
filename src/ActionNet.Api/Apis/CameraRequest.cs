using ActionNet.Abstractions.Cameras;

namespace ActionNet.Api.Apis;

/// <summary>The body of <c>PUT /api/v1/cameras/{id}</c>: what <c>actionnet cameras add</c> takes, with the same rules.</summary>
public sealed record CameraRequest
{
    /// <summary>A stream URL (rtsp, rtsps, http, https) or an absolute path under the silos' media roots.</summary>
    public string? Source { get; init; }

    /// <summary>The model profile configured on the silos.</summary>
    public string? Profile { get; init; }

    /// <summary>Replay a video file forever.</summary>
    public bool Loop { get; init; }

    /// <summary>Emit a window every N kept frames (default: the profile's).</summary>
    public int? Stride { get; init; }

    /// <summary>Keep every (N+1)-th frame (default: the profile's).</summary>
    public int? Subsample { get; init; }

    /// <summary>Cap on frames read per second.</summary>
    public double? Fps { get; init; }

    /// <summary>Region of interest x,y,width,height in source pixels.</summary>
    public string? Roi { get; init; }

    /// <summary>Whether the camera reads (default true).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Days of history kept for this camera (default: the cluster's).</summary>
    public int? RetentionDays { get; init; }

    /// <summary>Person mode: detect and track people and label each tracked person (default false: the whole frame).</summary>
    public bool Persons { get; init; }

    /// <summary>The detector profile person mode uses (default: "hog", built in).</summary>
    public string? Detector { get; init; }

    /// <summary>The registration, checked by the rules the CLI and the camera grain share.</summary>
    /// <exception cref="ArgumentException">A field is missing or out of its bounds; the message names it.</exception>
    public CameraRegistration ToRegistration()
    {
        if (CameraInputRules.SourceProblem(Source) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        if (!Source!.Contains("://", StringComparison.Ordinal) && !Path.IsPathFullyQualified(Source))
        {
            throw new ArgumentException($"source '{CameraInputRules.Quote(Source)}' is a relative path: expected a stream URL or an absolute path on the silos");
        }

        if (string.IsNullOrWhiteSpace(Profile))
        {
            throw new ArgumentException("profile is missing: expected a model profile name configured on the silos");
        }

        var registration = new CameraRegistration
        {
            Source = Source,
            ModelProfile = Profile,
            Loop = Loop,
            Stride = Stride,
            Subsample = Subsample,
            FpsCap = Fps,
            Region = RegionOfInterest.Parse(Roi, "roi"),
            Enabled = Enabled,
            RetentionDays = RetentionDays,
            Persons = Persons,
            Detector = Detector,
        };
        CameraInputRules.Validate(registration);
        return registration;
    }
}
