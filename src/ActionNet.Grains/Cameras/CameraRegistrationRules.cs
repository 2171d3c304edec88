using ActionNet.Abstractions.Cameras;
using ActionNet.Grains.Inference;
using ActionNet.Grains.Persons;
using ActionNet.Vision.Sources;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// Checks a <see cref="CameraRegistration"/> before it is stored: the shared <see cref="CameraInputRules"/>
/// (the CLI applies the same ones), then what only the silo knows. Every problem is one line.
/// </summary>
public static class CameraRegistrationRules
{
    /// <summary>
    /// Throws an <see cref="ArgumentException"/> naming the first problem: a broken shared rule (control
    /// characters, lengths, bounds, scheme, host), an unknown profile or detector profile (listing the known ones),
    /// a file outside the media folders, missing or a directory, or a region that does not fit the file's frames.
    /// Returns the model profile and, in person mode, the detector profile.
    /// </summary>
    public static (ModelProfile Profile, DetectorProfile? Detector) Validate(CameraRegistration registration, ModelProfilesOptions profiles, DetectorProfilesOptions detectors, IngestOptions ingest)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(detectors);
        ArgumentNullException.ThrowIfNull(ingest);
        CameraInputRules.Validate(registration);
        var profile = profiles.Get(registration.ModelProfile);
        var detector = registration.Persons ? detectors.Get(registration.Detector) : null;
        if (registration.Enabled && FrameSources.Check(registration.Source, ingest) is { } problem)
        {
            Fail(problem);
        }

        if (registration.Enabled && registration.Region is { } region && FrameSources.IsPaced(registration) && FileFrameSize(registration.Source) is var (width, height)
            && region.FitProblem(width, height) is { } misfit)
        {
            Fail(misfit);
        }

        return (profile, detector);
    }

    // A file that cannot be opened is registered all the same: it ends in Failed with the decoder's reason.
    private static (int Width, int Height)? FileFrameSize(string path)
    {
        try
        {
            using var video = VideoFileFrameSource.Open(path, loop: false);
            return (video.Width, video.Height);
        }
        catch (VideoSourceException)
        {
            return null;
        }
    }

    // No parameter name: the message is shown as it is, in the CLI and in the camera's status.
    private static void Fail(string message) => throw new ArgumentException(message);
}
