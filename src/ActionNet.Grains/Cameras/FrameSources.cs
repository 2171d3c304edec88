using ActionNet.Abstractions.Cameras;
using ActionNet.Vision.Frames;
using ActionNet.Vision.Sources;
using Microsoft.Extensions.Logging;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// Opens the <see cref="IFrameSource"/> a registration names: a local video file (OpenCV, paced at its
/// frame rate, optionally looped as a simulated camera) or a network stream (rtsp, rtsps, http, https:
/// the system ffmpeg as a supervised decoder behind a source that reconnects with capped, jittered
/// backoff). OpenCvSharp's bundled FFmpeg has no network support, hence the two paths.
/// </summary>
public static class FrameSources
{
    /// <summary>
    /// Why <paramref name="source"/> cannot be read on this silo, or null when it can: the shared rules
    /// (<see cref="CameraInputRules.SourceProblem"/>), then for a file the silo's media folders.
    /// </summary>
    public static string? Check(string source, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (CameraInputRules.SourceProblem(source) is { } problem)
        {
            return problem;
        }

        return IsUrl(source) ? null : new MediaRoots(options.MediaRoots).Problem(source);
    }

    /// <summary>
    /// Opens the registration's source; throws <see cref="VideoSourceException"/> when it cannot. A network
    /// stream delivers <paramref name="modelFrame"/>-sized RGB frames (cropped and scaled by the decoder, so only
    /// model-sized frames reach the silo's memory), or full-size BGR frames when it is null (person mode); a file
    /// delivers full-size BGR frames for <see cref="Vision.Frames.FramePreprocessor.Process"/>, as
    /// <c>actionnet classify</c> reads them.
    /// </summary>
    /// <param name="registration">The camera's registration.</param>
    /// <param name="options">The silo's ingest settings (media folders).</param>
    /// <param name="modelFrame">The model's frame size, resize mode and region; null for full-size frames.</param>
    /// <param name="cudaDecoding">Whether network streams try <c>-hwaccel cuda</c> first (falling back to the CPU with one log line).</param>
    /// <param name="logger">Receives the stream source's reconnect and fallback lines.</param>
    /// <param name="cancellationToken">Stops a network source's connection attempts and backoff waits.</param>
    public static IFrameSource Open(CameraRegistration registration, IngestOptions options, ModelFrameShape? modelFrame, bool cudaDecoding, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (Check(registration.Source, options) is { } problem)
        {
            throw new VideoSourceException(problem);
        }

        if (!IsUrl(registration.Source))
        {
            return VideoFileFrameSource.Open(registration.Source, registration.Loop);
        }

        var stream = new FfmpegSourceOptions
        {
            UseCuda = cudaDecoding,
            MaxFramesPerSecond = registration.FpsCap is > 0 and var cap ? Math.Min(cap, DefaultNetworkFpsCap) : DefaultNetworkFpsCap,
            ModelFrame = modelFrame,
        };
        return ReconnectingFrameSource.ForUrl(registration.Source, stream, new ReconnectPolicy(), logger, cancellationToken);
    }

    /// <summary>Whether frames must be paced at the declared rate: files decode far faster than real time, live sources do not.</summary>
    public static bool IsPaced(CameraRegistration registration) =>
        registration is not null && !IsUrl(registration.Source);

    // Every network source is capped (ffmpeg drops frames before they reach the pipe); 30 fps is more than
    // windows of T frames at stride 8 need, and a 60 fps camera would otherwise cost twice the decode.
    /// <summary>The frame-rate cap of every network source (frames per second).</summary>
    public const double DefaultNetworkFpsCap = 30;

    private static bool IsUrl(string source) => new SourceUrl(source).IsUrl;
}
