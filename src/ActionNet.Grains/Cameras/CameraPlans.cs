using ActionNet.Abstractions.Cameras;
using ActionNet.Grains.Inference;
using ActionNet.Grains.Persons;
using ActionNet.Grains.Placement;
using ActionNet.Inference.Contracts;

namespace ActionNet.Grains.Cameras;

/// <summary>Resolves a registration against its profile and the model's contract into the <see cref="CameraPlan"/> the camera runs by.</summary>
public static class CameraPlans
{
    /// <summary>
    /// The plan of <paramref name="registration"/>: the registration's own values where given, the profile's defaults
    /// otherwise; in person mode, <paramref name="detector"/>'s settings.
    /// </summary>
    public static CameraPlan Resolve(CameraRegistration registration, ModelProfile profile, ModelContract contract, DetectorProfile? detector = null)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(contract);
        var stream = !FrameSources.IsPaced(registration);
        return new CameraPlan
        {
            SourceKind = stream ? "stream" : "file",
            RedactedSource = SourceUrl.Redact(registration.Source),
            Profile = profile.Name,
            Accelerators = [.. profile.Accelerators.Select(a => a.Trim().ToLowerInvariant()).Where(a => a.Length > 0 && a != AcceleratorRules.Any).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Inputs = (contract.Rgb, contract.Flow) switch
            {
                ({ }, { }) => "rgb+flow",
                ({ }, null) => "rgb",
                _ => "flow",
            },
            Frames = contract.Frames,
            Height = contract.Height,
            Width = contract.Width,
            Stride = registration.Stride ?? profile.StrideFor(contract.Frames),
            Subsample = registration.Subsample ?? profile.Subsample,
            Resize = profile.Resize.ToString(),
            FpsCap = stream ? Math.Min(registration.FpsCap ?? FrameSources.DefaultNetworkFpsCap, FrameSources.DefaultNetworkFpsCap) : registration.FpsCap,
            Region = registration.Region,
            Loop = registration.Loop,
            Persons = registration.Persons && detector is not null
                ? new PersonPlan
                {
                    Detector = detector.Name,
                    DetectorModel = detector.IsHog ? DetectorProfile.Hog : Path.GetFileName(detector.Model),
                    DetectionInterval = detector.Interval,
                    MaxTracks = detector.MaxTracks,
                    Context = detector.Context,
                    Threshold = detector.Threshold,
                }
                : null,
        };
    }
}
