using ActionNet.Abstractions.Cameras;
using ActionNet.Grains.Inference;

namespace ActionNet.Grains.Cameras;

/// <summary>Checks a <see cref="CameraRegistration"/> before it is stored; every problem is one line.</summary>
public static class CameraRegistrationRules
{
    /// <summary>
    /// Throws an <see cref="ArgumentException"/> naming the first problem: unknown profile (listing the
    /// known ones), unreadable source, stride below 1, negative subsample, non-positive fps cap or an empty region.
    /// </summary>
    public static ModelProfile Validate(CameraRegistration registration, ModelProfilesOptions profiles)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(profiles);
        var profile = profiles.Get(registration.ModelProfile);
        if (registration.Stride is < 1)
        {
            Fail($"stride is {registration.Stride}; expected at least 1 frame between windows");
        }

        if (registration.Subsample is < 0)
        {
            Fail($"subsample is {registration.Subsample}; expected 0 or more skipped frames");
        }

        if (registration.FpsCap is { } cap && !(cap > 0))
        {
            Fail($"fps cap is {cap}; expected more than 0");
        }

        if (registration.Region is { } region && (region.Width < 1 || region.Height < 1 || region.X < 0 || region.Y < 0))
        {
            Fail($"region ({region.X},{region.Y}) {region.Width}x{region.Height} must start at 0 or more and be at least 1x1");
        }

        if (registration.Enabled && FrameSources.Check(registration.Source) is { } problem)
        {
            Fail(problem);
        }

        return profile;
    }

    private static void Fail(string message) => throw new ArgumentException(message, "registration");
}
