using ActionNet.Abstractions.Cameras;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace ActionNet.Vision.Sources;

/// <summary>
/// Keeps a camera's frames coming: opens a source through a factory and, when it ends (a live stream's
/// EOF), stalls, loses the network or crashes, opens it again after a <see cref="ReconnectPolicy"/>
/// backoff — inside <see cref="Read"/>, so the reading loop only sees frames. Gives up
/// (<see cref="StreamState.Failed"/>, <see cref="Read"/> throws the last error) on faults retrying cannot
/// fix. <see cref="Health"/> may be read from any thread.
/// <para>
/// Stopping: cancelling the token given at construction, or <see cref="Dispose"/> from any thread, ends a
/// blocked <see cref="Read"/> or backoff at once (the factory's source must honour the token it is given,
/// as <see cref="FfmpegFrameSource"/> does by killing ffmpeg). After cancellation <see cref="Read"/> throws
/// <see cref="OperationCanceledException"/>; after disposal it returns false.
/// </para>
/// </summary>
public sealed class ReconnectingFrameSource : ITimestampedFrameSource
{
    private const int Idle = 0;
    private const int Reading = 1;
    private const int Disposed = 2;

    private readonly Func<CancellationToken, ITimestampedFrameSource> _connect;
    private readonly bool _networkSource;
    private readonly ReconnectPolicy _policy;
    private readonly ILogger _logger;
    private readonly CancellationToken _external;
    private readonly CancellationTokenSource _stop;
    private readonly FrameRateMeter _meter = new();
    private readonly Lock _gate = new();
    private ITimestampedFrameSource? _current;
    private int _usage;
    private bool _everConnected;
    private StreamHealth _health;

    /// <summary>
    /// Wraps <paramref name="connect"/>, which opens one connection (throwing <see cref="VideoSourceException"/>
    /// when it cannot) and honours the token it is given. <paramref name="source"/> names the stream in
    /// messages and must already be redacted. A finite source (<paramref name="networkSource"/> false)
    /// ends at its EOF; a network source reconnects.
    /// </summary>
    public ReconnectingFrameSource(
        Func<CancellationToken, ITimestampedFrameSource> connect,
        string source,
        bool networkSource,
        ReconnectPolicy? policy = null,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connect);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        _connect = connect;
        _networkSource = networkSource;
        _policy = policy ?? new ReconnectPolicy();
        _logger = logger ?? NullLogger.Instance;
        _external = cancellationToken;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _health = new StreamHealth(source, StreamState.Connecting, 0, 0, null, null, 0, 0, 0, 0, null, null, null);
    }

    /// <summary>A snapshot of state, counters, last error, measured rate, size and timestamps.</summary>
    public StreamHealth Health
    {
        get
        {
            lock (_gate)
            {
                return _health;
            }
        }
    }

    /// <summary>The current connection's declared (capped) frame rate; 0 when unknown or not connected.</summary>
    public double FramesPerSecond => _current?.FramesPerSecond ?? 0;

    /// <summary>The current (else the last) connection's stream width (before any scaling to model frames); 0 before the first connection.</summary>
    public int Width => Health.Width;

    /// <summary>The current (else the last) connection's stream height (before any scaling to model frames); 0 before the first connection.</summary>
    public int Height => Health.Height;

    /// <inheritdoc/>
    public DateTimeOffset? LastFrameArrivedAt => Health.LastFrameArrivedAt;

    /// <inheritdoc/>
    public TimeSpan? LastFrameStreamTime => Health.LastFrameStreamTime;

    /// <summary>
    /// A reconnecting source for a camera URL or file decoded by ffmpeg (<see cref="FfmpegFrameSource"/>):
    /// network URLs reconnect after EOF, local files end there.
    /// </summary>
    public static ReconnectingFrameSource ForUrl(string url, FfmpegSourceOptions? options = null, ReconnectPolicy? policy = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return new ReconnectingFrameSource(
            token => FfmpegFrameSource.Open(url, options, logger, token),
            new SourceUrl(url).Display,
            FfmpegArguments.IsNetwork(url),
            policy,
            logger,
            cancellationToken);
    }

    /// <summary>
    /// The next frame, reconnecting as often as the policy allows. Returns false when a finite source
    /// ended or this source was disposed; throws <see cref="VideoSourceException"/> once
    /// <see cref="StreamState.Failed"/>, and <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public bool Read(Mat frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (Interlocked.CompareExchange(ref _usage, Reading, Idle) != Idle)
        {
            return false;
        }

        try
        {
            return ReadNext(frame);
        }
        catch (OperationCanceledException) when (!_external.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            if (Interlocked.CompareExchange(ref _usage, Idle, Reading) != Reading)
            {
                Release(StreamState.Stopped);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _usage, Disposed) is var previous && previous == Disposed)
        {
            return;
        }

        _stop.Cancel();

        // A read in progress on another thread releases the connection when it returns.
        if (previous == Idle)
        {
            Release(StreamState.Stopped);
        }
    }

    private bool ReadNext(Mat frame)
    {
        while (true)
        {
            _stop.Token.ThrowIfCancellationRequested();
            var health = Health;
            switch (health.State)
            {
                case StreamState.Failed:
                    throw new VideoSourceException(health.LastError ?? $"{health.Source}: failed") { Fault = health.LastFault ?? StreamFault.Unknown };
                case StreamState.Ended:
                    return false;
            }

            var current = _current ?? Connect();
            if (current is null)
            {
                continue;
            }

            bool delivered;
            try
            {
                delivered = current.Read(frame);
            }
            catch (VideoSourceException ex)
            {
                _stop.Token.ThrowIfCancellationRequested();
                Lose(ex.Message, ex.Fault);
                continue;
            }

            _stop.Token.ThrowIfCancellationRequested();
            if (delivered)
            {
                OnFrame(current);
                return true;
            }

            if (!_networkSource)
            {
                Release(StreamState.Ended);
                return false;
            }

            Lose($"{health.Source}: the stream ended (the server closed the connection)", StreamFault.EndOfStream);
        }
    }

    private ITimestampedFrameSource? Connect()
    {
        try
        {
            var source = _connect(_stop.Token);
            _current = source;
            lock (_gate)
            {
                // The stream's own size (what status reports), also when the decoder delivers model-sized frames.
                var (width, height) = source is FfmpegFrameSource ffmpeg ? (ffmpeg.SourceWidth, ffmpeg.SourceHeight) : (source.Width, source.Height);
                _health = _health with { Width = width, Height = height, Reconnects = _health.Reconnects + (_everConnected ? 1 : 0) };
            }

            if (_everConnected)
            {
                _logger.LogInformation("{Source}: reconnected", _health.Source);
            }

            _everConnected = true;
            _meter.Reset();
            return source;
        }
        catch (VideoSourceException ex)
        {
            _stop.Token.ThrowIfCancellationRequested();
            Lose(ex.Message, ex.Fault);
            return null;
        }
    }

    private void OnFrame(ITimestampedFrameSource source)
    {
        _meter.Tick();
        var now = source.LastFrameArrivedAt ?? DateTimeOffset.UtcNow;
        lock (_gate)
        {
            _health = _health with
            {
                State = StreamState.Streaming,
                FramesReceived = _health.FramesReceived + 1,
                MeasuredFramesPerSecond = _meter.FramesPerSecond(),
                LastFrameArrivedAt = now,
                LastFrameStreamTime = source.LastFrameStreamTime,
                StreamingSince = _health.StreamingSince ?? now,
            };
        }
    }

    private void Lose(string error, StreamFault fault)
    {
        _current?.Dispose();
        _current = null;
        StreamHealth health;
        lock (_gate)
        {
            // A connection that streamed long enough was healthy: back off from the start again.
            var stable = _health.StreamingSince is { } since && DateTimeOffset.UtcNow - since >= _policy.StableAfter;
            var failures = (stable ? 0 : _health.FailedAttempts) + 1;
            var gaveUp = (ReconnectPolicy.IsPermanent(fault, _networkSource) && failures >= _policy.PermanentFaultAttempts)
                || (_policy.MaxAttempts > 0 && failures >= _policy.MaxAttempts);
            _health = health = _health with
            {
                State = gaveUp ? StreamState.Failed : StreamState.Reconnecting,
                FailedAttempts = failures,
                LastError = error,
                LastFault = fault,
                StreamingSince = null,
                MeasuredFramesPerSecond = 0,
            };
        }

        if (health.State == StreamState.Failed)
        {
            _logger.LogError("{Error} (giving up after {Attempts} attempts)", error, health.FailedAttempts);
            return;
        }

        var delay = _policy.DelayAfter(health.FailedAttempts, Random.Shared.NextDouble());
        _logger.LogWarning("{Error}; reconnecting in {Delay:0.0} s (attempt {Attempt})", error, delay.TotalSeconds, health.FailedAttempts + 1);
        if (_stop.Token.WaitHandle.WaitOne(delay))
        {
            _stop.Token.ThrowIfCancellationRequested();
        }
    }

    private void Release(StreamState state)
    {
        _current?.Dispose();
        _current = null;
        lock (_gate)
        {
            _health = _health with { State = state, StreamingSince = null, MeasuredFramesPerSecond = 0 };
        }

        if (state == StreamState.Stopped)
        {
            _stop.Dispose();
        }
    }
}
