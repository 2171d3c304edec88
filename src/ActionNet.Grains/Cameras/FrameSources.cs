using ActionNet.Abstractions.Cameras;
using ActionNet.Vision.Sources;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// Opens the <see cref="IFrameSource"/> a registration names. Local video files are supported (paced at
/// their frame rate, optionally looped as a simulated camera); network URLs (rtsp://, http://) are
/// refused with a clear message until the ffmpeg-based source exists.
/// </summary>
public static class FrameSources
{
    /// <summary>Why <paramref name="source"/> cannot be read on this silo, or null when it can.</summary>
    public static string? Check(string source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return "the camera source is empty: give a video file path";
        }

        if (IsUrl(source))
        {
            return $"source '{SourceUrl.Redact(source)}' is a network URL; this version reads local video files only";
        }

        return File.Exists(source) ? null : $"source file '{source}' does not exist on silo host {Environment.MachineName}";
    }

    /// <summary>Opens the registration's source; throws <see cref="VideoSourceException"/> when it cannot.</summary>
    public static IFrameSource Open(CameraRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (Check(registration.Source) is { } problem)
        {
            throw new VideoSourceException(problem);
        }

        return VideoFileFrameSource.Open(registration.Source, registration.Loop);
    }

    /// <summary>Whether frames must be paced at the declared rate: files decode far faster than real time, live sources do not.</summary>
    public static bool IsPaced(CameraRegistration registration) =>
        registration is not null && !IsUrl(registration.Source);

    private static bool IsUrl(string source) => source.Contains("://", StringComparison.Ordinal);
}
