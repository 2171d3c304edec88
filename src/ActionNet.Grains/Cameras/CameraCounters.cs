using System.Diagnostics;
using ActionNet.Abstractions;
using ActionNet.Abstractions.Cameras;
using ActionNet.Vision.Sources;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// A camera's live counters and state, written by its reader thread and its dispatcher and read for
/// <see cref="CameraStatus"/>. Thread-safe. The reader owns the source state (connecting, streaming,
/// reconnecting, ...); the dispatcher only says whether it is waiting for an accelerator.
/// </summary>
public sealed class CameraCounters
{
    private readonly Lock gate = new();
    private long framesReceived;
    private long windowsEmitted;
    private readonly DropCounter drops = new();
    private long windowsScored;
    private int reconnects;
    private CameraState sourceState = CameraState.Stopped;
    private bool waitingForAccelerator;
    private string? lastError;
    private int width;
    private int height;
    private double fps;
    private long fpsWindowStart = Stopwatch.GetTimestamp();
    private long fpsWindowFrames;
    private Func<StreamHealth>? streamHealth;
    private int peopleInView;
    private long peopleFramesDropped;

    /// <summary>The state shown: the source's, or <see cref="CameraState.WaitingForAccelerator"/> while streaming with nowhere to score.</summary>
    public CameraState State
    {
        get
        {
            lock (gate)
            {
                return sourceState == CameraState.Streaming && waitingForAccelerator ? CameraState.WaitingForAccelerator : sourceState;
            }
        }
    }

    /// <summary>Windows dropped so far, all reasons.</summary>
    public long WindowsDropped => drops.Total;

    /// <summary>Windows cut so far (scored, dropped or in flight): the camera's demand.</summary>
    public long WindowsEmitted => Interlocked.Read(ref windowsEmitted);

    /// <summary>Frames decoded so far.</summary>
    public long FramesReceived => Interlocked.Read(ref framesReceived);

    /// <summary>Times the source was reopened, by the reader or inside an attached network source (as in the status).</summary>
    public int Reconnects
    {
        get
        {
            lock (gate)
            {
                return reconnects + (streamHealth?.Invoke().Reconnects ?? 0);
            }
        }
    }

    /// <summary>Sets the source state and, when given, the last error (one line).</summary>
    public void SetState(CameraState state, string? error = null)
    {
        lock (gate)
        {
            sourceState = state;
            if (error is not null)
            {
                lastError = ErrorText.OneLine(error);
            }
        }
    }

    /// <summary>The source opened with frames of <paramref name="frameWidth"/> x <paramref name="frameHeight"/>.</summary>
    public void Opened(int frameWidth, int frameHeight)
    {
        lock (gate)
        {
            width = frameWidth;
            height = frameHeight;
            sourceState = CameraState.Streaming;
        }
    }

    /// <summary>The source was reopened after a failure.</summary>
    public void Reconnected() => Interlocked.Increment(ref reconnects);

    /// <summary>
    /// Reports a reconnecting network source's own health (state, reconnects, last error, fps, size) in the
    /// status while it is attached: its reconnects happen inside a blocking read the reader cannot see.
    /// </summary>
    public void Attach(Func<StreamHealth>? health)
    {
        lock (gate)
        {
            streamHealth = health;
        }
    }

    /// <summary>A frame was decoded.</summary>
    public void FrameReceived()
    {
        Interlocked.Increment(ref framesReceived);
        lock (gate)
        {
            fpsWindowFrames++;
            var elapsed = Stopwatch.GetElapsedTime(fpsWindowStart);
            if (elapsed >= TimeSpan.FromSeconds(1))
            {
                fps = fpsWindowFrames / elapsed.TotalSeconds;
                fpsWindowFrames = 0;
                fpsWindowStart = Stopwatch.GetTimestamp();
            }
        }
    }

    /// <summary>A window was cut and handed to the scorer.</summary>
    public void Emitted() => Interlocked.Increment(ref windowsEmitted);

    /// <summary>A window was dropped for <paramref name="reason"/>.</summary>
    public void Dropped(DropReason reason) => drops.Add(reason);

    /// <summary>A window was scored and recorded.</summary>
    public void Scored()
    {
        Interlocked.Increment(ref windowsScored);
        lock (gate)
        {
            waitingForAccelerator = false;
        }
    }

    /// <summary>Scoring or recording failed with <paramref name="error"/> (one line is kept).</summary>
    public void Failed(string error)
    {
        lock (gate)
        {
            lastError = ErrorText.OneLine(error);
        }
    }

    /// <summary>The camera is registered but this silo may not score it, and no silo that may is active.</summary>
    public void WaitForAccelerator(string error)
    {
        lock (gate)
        {
            waitingForAccelerator = true;
            sourceState = CameraState.Streaming;
            lastError = ErrorText.OneLine(error);
        }
    }

    /// <summary>Person mode after a frame: <paramref name="inView"/> people followed, <paramref name="dropped"/> frames of people not cut so far.</summary>
    public void Persons(int inView, long dropped)
    {
        Volatile.Write(ref peopleInView, inView);
        Interlocked.Exchange(ref peopleFramesDropped, dropped);
    }

    /// <summary>A snapshot for <see cref="ICameraGrain.GetStatusAsync"/>.</summary>
    public CameraStatus Snapshot(string cameraId, string redactedSource, string silo)
    {
        lock (gate)
        {
            var status = new CameraStatus
            {
                CameraId = cameraId,
                RedactedSource = redactedSource,
                State = State,
                FramesReceived = Interlocked.Read(ref framesReceived),
                WindowsEmitted = Interlocked.Read(ref windowsEmitted),
                WindowsDropped = drops.Total,
                Drops = drops.Snapshot(),
                WindowsScored = Interlocked.Read(ref windowsScored),
                LastError = lastError,
                ReconnectCount = reconnects,
                InputFps = sourceState == CameraState.Streaming ? Math.Round(fps, 2) : 0,
                FrameWidth = width,
                FrameHeight = height,
                Silo = silo,
                UpdatedAt = DateTimeOffset.UtcNow,
                PeopleInView = Volatile.Read(ref peopleInView),
                PeopleFramesDropped = Interlocked.Read(ref peopleFramesDropped),
            };
            if (streamHealth?.Invoke() is not { } health)
            {
                return status;
            }

            var state = health.State switch
            {
                StreamState.Connecting => CameraState.Connecting,
                StreamState.Reconnecting => CameraState.Reconnecting,
                StreamState.Failed => CameraState.Failed,
                StreamState.Streaming => status.State,
                _ => CameraState.Stopped,
            };
            return status with
            {
                State = state,
                ReconnectCount = reconnects + health.Reconnects,
                LastError = health.LastError ?? status.LastError,
                InputFps = state is CameraState.Streaming or CameraState.WaitingForAccelerator ? Math.Round(health.MeasuredFramesPerSecond, 2) : 0,
                FrameWidth = health.Width > 0 ? health.Width : status.FrameWidth,
                FrameHeight = health.Height > 0 ? health.Height : status.FrameHeight,
            };
        }
    }
}
