using System.Diagnostics;
using ActionNet.Abstractions.Cameras;
using ActionNet.Inference.Contracts;
using ActionNet.Vision.Clips;
using ActionNet.Vision.Detection;
using ActionNet.Vision.Frames;
using ActionNet.Vision.Sources;
using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// A camera's reader, run on a thread-pool thread (never the grain scheduler): opens the source, paces
/// file sources at their frame rate (or the fps cap), preprocesses only the frames the
/// <see cref="WindowBuffer"/> keeps, and hands each finished window to <c>emit</c>, which must not block.
/// In person mode (<see cref="CameraPlan.Persons"/>) every full-size frame goes to a <see cref="PersonWindowCutter"/>
/// instead (detector every k-th frame, tracker, one tube per person), and each person's windows are emitted with
/// their track. Reopens a failed source with a retry delay; a file that ends without looping stops the reader.
/// Stride, subsample and resize come from the camera's <see cref="CameraPlan"/>.
/// </summary>
public sealed partial class CameraIngest(
    string cameraId,
    CameraRegistration registration,
    CameraPlan plan,
    ModelContract contract,
    Action<CapturedWindow> emit,
    FrameSnapshot snapshot,
    WindowArrayPool pool,
    CameraCounters counters,
    IngestOptions options,
    bool cudaDecoding,
    Func<IPersonDetector>? createDetector,
    ILogger logger)
{
    private const int FailedRetrySeconds = 30;

    /// <summary>Reads until <paramref name="cancellationToken"/> fires or a non-looping file ends.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var spec = new ClipSpec(contract.Frames, contract.Height, contract.Width, contract.Rgb is not null, contract.Flow is not null);
        var resize = Enum.Parse<ResizeMode>(plan.Resize);
        using var preprocessor = new FramePreprocessor(contract.Height, contract.Width, resize);
        using var windows = new WindowBuffer(spec, plan.Stride, plan.Subsample, pool.Rent);
        using var frame = new Mat();
        using var persons = plan.Persons is { } people
            ? new PersonMode(cameraId, people, spec, plan.Stride, plan.Subsample, (createDetector ?? throw new InvalidOperationException("person mode needs a detector"))(), pool, logger)
            : null;
        var model = new byte[preprocessor.FrameBytes];
        var region = plan.Region is { } r ? new Rect(r.X, r.Y, r.Width, r.Height) : (Rect?)null;
        var epoch = DateTimeOffset.UtcNow;
        var epochTicks = Stopwatch.GetTimestamp();
        long index = 0;
        var opened = false;
        counters.SetState(CameraState.Connecting);
        while (!cancellationToken.IsCancellationRequested)
        {
            IFrameSource source;
            try
            {
                // Person mode needs the whole frame at its own size: the detector sees it all and each person's box is cut from it.
                var modelFrame = plan.Persons is null ? new ModelFrameShape(contract.Height, contract.Width, resize, region) : null;
                source = FrameSources.Open(registration, options, modelFrame, cudaDecoding, logger, cancellationToken);
            }
            catch (VideoSourceException e)
            {
                // A local file that cannot be opened (missing, truncated, not a video) will not mend itself
                // in seconds: it is Failed and retried slowly, so a replaced file still brings the camera back.
                // A network source that cannot be opened yet is still connecting.
                var brokenFile = FrameSources.IsPaced(registration);
                counters.SetState(brokenFile ? CameraState.Failed : opened ? CameraState.Reconnecting : CameraState.Connecting, e.Message);
                LogOpenFailed(cameraId, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(brokenFile ? Math.Max(options.RetrySeconds, FailedRetrySeconds) : options.RetrySeconds), cancellationToken);
                continue;
            }

            using (source)
            {
                counters.Attach(source is ReconnectingFrameSource network ? () => network.Health : null);
                if (opened)
                {
                    counters.Reconnected();
                    windows.Reset();
                }

                var continuousSince = epoch + Stopwatch.GetElapsedTime(epochTicks);
                persons?.Restart();

                opened = true;
                counters.Opened(source.Width, source.Height);
                LogOpened(cameraId, SourceUrl.Redact(registration.Source), source.Width, source.Height, source.FramesPerSecond);
                var sourceFps = source.FramesPerSecond > 0 ? source.FramesPerSecond : options.DefaultFps;
                var framePeriod = FrameSources.IsPaced(registration) ? TimeSpan.FromSeconds(1 / sourceFps) : TimeSpan.Zero;
                var capPeriod = registration.FpsCap is { } cap ? TimeSpan.FromSeconds(1 / cap) : TimeSpan.Zero;
                var start = Stopwatch.GetTimestamp();
                var nextCapped = TimeSpan.Zero;
                var stream = source as ReconnectingFrameSource;
                var reconnects = stream?.Health.Reconnects ?? 0;
                long read = 0;
                bool more;
                try
                {
                    while ((more = source.Read(frame)) && !cancellationToken.IsCancellationRequested)
                    {
                        counters.FrameReceived();
                        snapshot.Offer(frame, rgb: stream is not null && persons is null);
                        read++;
                        if (read == 1 && registration.Region?.FitProblem(source.Width, source.Height) is { } misfit)
                        {
                            throw new RegionOutsideFrameException(misfit);
                        }

                        // A network source reconnects inside Read: start windows afresh, so no window joins
                        // frames from both sides of the outage (it would hide the outage from the gap check).
                        if (stream is not null && stream.Health.Reconnects != reconnects)
                        {
                            reconnects = stream.Health.Reconnects;
                            windows.Reset();
                            continuousSince = epoch + Stopwatch.GetElapsedTime(epochTicks);
                            persons?.Restart();
                        }

                        var due = framePeriod * read;
                        var elapsed = Stopwatch.GetElapsedTime(start);
                        if (due > elapsed)
                        {
                            await Task.Delay(due - elapsed, cancellationToken);
                        }

                        // The fps cap drops frames before they get an index, so subsampling counts kept-rate frames.
                        var now = Stopwatch.GetElapsedTime(start);
                        if (capPeriod > TimeSpan.Zero)
                        {
                            if (now < nextCapped)
                            {
                                continue;
                            }

                            nextCapped = (nextCapped + capPeriod > now ? nextCapped : now) + capPeriod;
                        }

                        var frameIndex = index++;
                        if (persons is not null)
                        {
                            foreach (var (tube, track) in persons.Push(frameIndex, Stopwatch.GetElapsedTime(epochTicks), frame))
                            {
                                emit(new CapturedWindow(tube, epoch + tube.FirstTimestamp, epoch + tube.LastTimestamp, continuousSince, track));
                            }

                            counters.Persons(persons.InView, persons.Dropped);
                            continue;
                        }

                        if (!windows.WillKeep(frameIndex))
                        {
                            continue;
                        }

                        // A network decoder already cropped and scaled to model size (RGB); a file frame is full-size BGR.
                        if (stream is not null)
                        {
                            preprocessor.ProcessModelFrame(frame, model);
                        }
                        else
                        {
                            preprocessor.Process(frame, model, region);
                        }
                        var window = windows.Push(frameIndex, Stopwatch.GetElapsedTime(epochTicks), model);
                        if (window is not null)
                        {
                            emit(new CapturedWindow(window, epoch + window.FirstTimestamp, epoch + window.LastTimestamp, continuousSince));
                        }
                    }
                }
                catch (Exception e) when (e is VideoSourceException or OpenCVException or ArgumentException or RegionOutsideFrameException)
                {
                    // A network source that gave up (bad credentials, a path that keeps answering 404) is Failed,
                    // not gone: it is retried slowly, so a fixed server brings the camera back on its own.
                    var failed = e is RegionOutsideFrameException || source is ReconnectingFrameSource { Health.State: StreamState.Failed };
                    counters.Attach(null);
                    counters.SetState(failed ? CameraState.Failed : CameraState.Reconnecting, e.Message);
                    LogReadFailed(cameraId, e.Message);
                    await Task.Delay(TimeSpan.FromSeconds(failed ? Math.Max(options.RetrySeconds, FailedRetrySeconds) : options.RetrySeconds), cancellationToken);
                    continue;
                }
                finally
                {
                    counters.Attach(null);
                }

                if (!more && !cancellationToken.IsCancellationRequested)
                {
                    counters.SetState(CameraState.Stopped, $"source ended after {read} frames (not looped)");
                    LogEnded(cameraId, read);
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "camera {Camera}: reading {Source} ({Width}x{Height} at {Fps:0.##} fps)")]
    private partial void LogOpened(string camera, string source, int width, int height, double fps);

    [LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "camera {Camera}: cannot open source: {Reason}")]
    private partial void LogOpenFailed(string camera, string reason);

    [LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "camera {Camera}: source failed, reopening: {Reason}")]
    private partial void LogReadFailed(string camera, string reason);

    [LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "camera {Camera}: source ended after {Frames} frames")]
    private partial void LogEnded(string camera, long frames);
}
