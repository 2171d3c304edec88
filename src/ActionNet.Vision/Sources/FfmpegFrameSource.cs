using ActionNet.Abstractions.Cameras;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace ActionNet.Vision.Sources;

/// <summary>
/// Frames from a camera or any URL the system <c>ffmpeg</c> can open — <c>rtsp://</c>, <c>rtsps://</c>,
/// <c>http(s)://</c> (progressive MP4, MJPEG, HLS .m3u8) — or a local file. ffprobe learns the size
/// first; then ffmpeg runs as a child process writing raw bgr24 frames of one fixed size to a pipe, which
/// <see cref="Read"/> copies straight into the caller's Mat, or, with <see cref="FfmpegSourceOptions.ModelFrame"/>,
/// planar YUV frames that <see cref="Read"/> turns into RGB model frames (H x W, region and crop applied). Frames larger than
/// <see cref="FfmpegSourceOptions.MaxWidth"/> x <see cref="FfmpegSourceOptions.MaxHeight"/> are scaled down
/// (aspect kept), the rate is capped, and a mid-stream resolution change is scaled back to the probed size.
/// <para>
/// End of stream: <see cref="Read"/> returns false. A stall, network error or decoder crash throws a
/// one-line <see cref="VideoSourceException"/> naming the URL with its password masked and carrying a
/// <see cref="StreamFault"/>. Disposing kills ffmpeg and waits for it, from any thread (a blocked
/// <see cref="Read"/> then returns false). Not thread-safe otherwise: one reading thread.
/// </para>
/// </summary>
public sealed class FfmpegFrameSource : ITimestampedFrameSource
{
    private const int Idle = 0;
    private const int Reading = 1;
    private const int Disposed = 2;
    // ffmpeg logs a frame's showinfo line before it writes the frame, so the line is already in the stderr
    // pipe when the frame is read: only the stderr reader can lag (a busy machine), never by much.
    private static readonly TimeSpan ShowInfoWait = TimeSpan.FromSeconds(1);

    private readonly string _url;
    private readonly FfmpegSourceOptions _options;
    private readonly SourceUrl _redaction;
    private readonly ILogger _logger;
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenRegistration _cancellation;
    private readonly Timer _watchdog;
    private readonly RawFrameReader _reader;
    private readonly int _frameWidth;
    private readonly int _frameHeight;
    private FfmpegDecoder _decoder;
    private int _state;
    private long _lastProgress;
    private long _decoderFrames;
    private int _showInfoMisses;
    private long _framesRead;
    private long _lastArrivalTicks;
    private long _lastStreamTicks = long.MinValue;
    private volatile bool _stalled;

    private FfmpegFrameSource(string url, FfmpegSourceOptions options, SourceUrl redaction, StreamProbe probe, ILogger logger, CancellationToken cancellationToken)
    {
        _url = url;
        _options = options;
        _redaction = redaction;
        _logger = logger;
        _cancellationToken = cancellationToken;
        Probe = probe;
        (_frameWidth, _frameHeight) = OutputSize(probe.Width, probe.Height, options.MaxWidth, options.MaxHeight);
        (Width, Height) = options.ModelFrame is { } model ? (model.Width, model.Height) : (_frameWidth, _frameHeight);
        SourceWidth = probe.Width;
        SourceHeight = probe.Height;
        FramesPerSecond = options.MaxFramesPerSecond > 0 && probe.FramesPerSecond > options.MaxFramesPerSecond
            ? options.MaxFramesPerSecond
            : probe.FramesPerSecond;
        _reader = RawFrameReader.For(options, _frameWidth, _frameHeight);
        UsesCuda = options.UseCuda;
        _decoder = StartDecoder();
        _lastProgress = Environment.TickCount64;
        var period = TimeSpan.FromMilliseconds(Math.Clamp(options.StallTimeout.TotalMilliseconds / 4, 50, 1000));
        _watchdog = new Timer(_ => CheckStall(), null, period, period);
        _cancellation = cancellationToken.Register(() => _decoder.Kill());
    }

    /// <summary>The URL with its password masked, for logs and status.</summary>
    public string DisplayName => _redaction.Display;

    /// <summary>Output frame rate: the stream's declared rate, capped at <see cref="FfmpegSourceOptions.MaxFramesPerSecond"/>; 0 when unknown.</summary>
    public double FramesPerSecond { get; }

    /// <summary>Output frame width in pixels (the model's W with <see cref="FfmpegSourceOptions.ModelFrame"/>); fixed for the life of the source.</summary>
    public int Width { get; }

    /// <summary>Output frame height in pixels (the model's H with <see cref="FfmpegSourceOptions.ModelFrame"/>); fixed for the life of the source.</summary>
    public int Height { get; }

    /// <summary>The stream's own width as last seen (the probe's, then each frame's).</summary>
    public int SourceWidth { get; private set; }

    /// <summary>The stream's own height as last seen.</summary>
    public int SourceHeight { get; private set; }

    /// <summary>How many times the stream's own resolution changed mid-stream (output size stays the same).</summary>
    public int ResolutionChanges { get; private set; }

    /// <summary>Whether ffmpeg decodes with CUDA; false after a fallback to the CPU.</summary>
    public bool UsesCuda { get; private set; }

    /// <summary>Whether the source is a network stream (EOF then means the connection was lost).</summary>
    public bool IsNetworkStream => FfmpegArguments.IsNetwork(_url);

    /// <summary>Frames delivered by <see cref="Read"/> so far; safe to read from any thread.</summary>
    public long FramesRead => Interlocked.Read(ref _framesRead);

    /// <summary>The running ffmpeg's process id, for diagnostics and leak checks.</summary>
    public int DecoderProcessId => _decoder.Id;

    /// <inheritdoc/>
    /// <remarks>Safe to read from any thread.</remarks>
    public DateTimeOffset? LastFrameArrivedAt => Interlocked.Read(ref _lastArrivalTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <inheritdoc/>
    /// <remarks>Safe to read from any thread.</remarks>
    public TimeSpan? LastFrameStreamTime => Interlocked.Read(ref _lastStreamTicks) is var ticks and not long.MinValue ? TimeSpan.FromTicks(ticks) : null;

    internal StreamProbe Probe { get; }

    /// <summary>
    /// Probes <paramref name="url"/> with ffprobe and starts decoding it. Throws a one-line
    /// <see cref="VideoSourceException"/> (password masked) when the source cannot be opened, and
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires; after
    /// opening, cancellation kills the decoder and makes <see cref="Read"/> throw it.
    /// </summary>
    public static FfmpegFrameSource Open(string url, FfmpegSourceOptions? options = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        options ??= new FfmpegSourceOptions();
        var redaction = new SourceUrl(url);
        var probe = StreamProbe.Run(url, options, redaction, cancellationToken);
        return new FfmpegFrameSource(url, options, redaction, probe, logger ?? NullLogger.Instance, cancellationToken);
    }

    /// <summary>
    /// The output size for a stream of <paramref name="width"/> x <paramref name="height"/>: unchanged when
    /// it fits in <paramref name="maxWidth"/> x <paramref name="maxHeight"/>, else scaled down keeping the
    /// aspect ratio (never below 1 pixel).
    /// </summary>
    public static (int Width, int Height) OutputSize(int width, int height, int maxWidth, int maxHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxHeight, 1);
        if (width <= maxWidth && height <= maxHeight)
        {
            return (width, height);
        }

        var scale = Math.Min((double)maxWidth / width, (double)maxHeight / height);
        return (Math.Clamp((int)Math.Round(width * scale), 1, maxWidth), Math.Clamp((int)Math.Round(height * scale), 1, maxHeight));
    }

    /// <inheritdoc/>
    public bool Read(Mat frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (Interlocked.CompareExchange(ref _state, Reading, Idle) != Idle)
        {
            return false;
        }

        try
        {
            // A stall is a read that waits too long; a caller busy elsewhere is not a stalled camera.
            Volatile.Write(ref _lastProgress, Environment.TickCount64);
            while (true)
            {
                var received = _reader.Read(_decoder.Output, frame);
                if (received == _reader.FrameBytes)
                {
                    Stamp();
                    return true;
                }

                if (!TryFallBackToCpu())
                {
                    return Finish(received);
                }
            }
        }
        finally
        {
            if (Interlocked.CompareExchange(ref _state, Idle, Reading) != Reading)
            {
                _decoder.Dispose();
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        var previous = Interlocked.Exchange(ref _state, Disposed);
        if (previous == Disposed)
        {
            return;
        }

        _cancellation.Dispose();
        _watchdog.Dispose();
        _decoder.Kill();
        _decoder.WaitForExit(TimeSpan.FromSeconds(10));

        // A read in progress on another thread releases the decoder when it returns.
        if (previous == Idle)
        {
            _decoder.Dispose();
        }
    }

    private FfmpegDecoder StartDecoder() =>
        FfmpegDecoder.Start(_options.FfmpegPath, FfmpegArguments.Decode(_url, _options, UsesCuda, _frameWidth, _frameHeight), FfmpegArguments.InputScript(_url, _options), _redaction);

    private void Stamp()
    {
        Volatile.Write(ref _lastProgress, Environment.TickCount64);
        Interlocked.Exchange(ref _lastArrivalTicks, DateTimeOffset.UtcNow.UtcTicks);
        Interlocked.Increment(ref _framesRead);
        var info = _decoder.FrameInfo(Interlocked.Increment(ref _decoderFrames) - 1, _showInfoMisses < 3 ? ShowInfoWait : TimeSpan.Zero);
        if (info is not { } seen)
        {
            // Three misses in a row: this ffmpeg prints no usable showinfo lines; stop waiting for them.
            _showInfoMisses++;
            Interlocked.Exchange(ref _lastStreamTicks, long.MinValue);
            return;
        }

        _showInfoMisses = 0;
        Interlocked.Exchange(ref _lastStreamTicks, seen.StreamSeconds is double s ? TimeSpan.FromSeconds(s).Ticks : long.MinValue);
        if (seen.SourceWidth != SourceWidth || seen.SourceHeight != SourceHeight)
        {
            ResolutionChanges++;
            _logger.LogInformation("{Source}: stream resolution changed from {OldWidth}x{OldHeight} to {NewWidth}x{NewHeight}; frames stay scaled to {Width}x{Height}", DisplayName, SourceWidth, SourceHeight, seen.SourceWidth, seen.SourceHeight, Width, Height);
            SourceWidth = seen.SourceWidth;
            SourceHeight = seen.SourceHeight;
        }
    }

    private bool TryFallBackToCpu()
    {
        if (!UsesCuda || _decoderFrames > 0 || _stalled || _cancellationToken.IsCancellationRequested || Volatile.Read(ref _state) == Disposed)
        {
            return false;
        }

        _decoder.WaitForExit(TimeSpan.FromSeconds(5));
        var errors = _decoder.Errors();
        if (_decoder.ExitCode is null or 0 || !FfmpegErrorMap.IsCudaSetupFailure(errors))
        {
            return false;
        }

        var cause = FfmpegErrorMap.Trim(errors.First(e => FfmpegErrorMap.IsCudaSetupFailure([e])));
        _logger.LogWarning("{Source}: CUDA decoding unavailable ({Cause}); decoding on the CPU", DisplayName, cause);
        _decoder.Dispose();
        UsesCuda = false;
        _decoder = StartDecoder();
        Volatile.Write(ref _lastProgress, Environment.TickCount64);
        if (_cancellationToken.IsCancellationRequested)
        {
            _decoder.Kill();
        }

        return true;
    }

    private bool Finish(int partial)
    {
        if (!_decoder.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            _decoder.Kill();
            _decoder.WaitForExit(TimeSpan.FromSeconds(5));
        }

        _cancellationToken.ThrowIfCancellationRequested();
        if (Volatile.Read(ref _state) == Disposed)
        {
            return false;
        }

        if (_stalled)
        {
            throw new VideoSourceException($"{DisplayName}: stalled: no frame for {_options.StallTimeout.TotalSeconds:0.#} s") { Fault = StreamFault.Stalled };
        }

        var exitCode = _decoder.ExitCode;
        if (exitCode == 0)
        {
            // A frame cut short by the end of the data is dropped: the stream simply ended.
            return false;
        }

        var (fault, reason) = FfmpegErrorMap.Explain(_decoder.Errors(), exitCode, _redaction);
        var where = partial > 0 ? $" (after {FramesRead} frames, mid-frame)" : FramesRead > 0 ? $" (after {FramesRead} frames)" : string.Empty;
        throw new VideoSourceException($"{DisplayName}: {reason}{where}") { Fault = fault };
    }

    private void CheckStall()
    {
        if (Volatile.Read(ref _state) != Reading || _stalled)
        {
            return;
        }

        // The decoder's first frame also waits for the connection and the stream analysis.
        var limit = Interlocked.Read(ref _decoderFrames) == 0
            ? _options.StallTimeout + _options.IoTimeout + _options.AnalyzeDuration
            : _options.StallTimeout;
        if (Environment.TickCount64 - Volatile.Read(ref _lastProgress) > (long)limit.TotalMilliseconds)
        {
            _stalled = true;
            _decoder.Kill();
        }
    }
}
