using ActionNet.Vision.Flow;

namespace ActionNet.Vision.Clips;

/// <summary>
/// Sliding windows over one live stream (or one region of it), with DeepStream's meaning:
/// <c>subsample = k</c> keeps every (k+1)-th source frame, counted from the first frame after
/// construction or <see cref="Reset"/>; once the first window is full, a window is emitted every
/// <c>stride</c> kept frames. A window is the last T kept frames; a model that needs flow gets T
/// flow frames from the last T + 1 kept frames (pairs (i, i+1) .. (i+T-1, i+T)), and a joint model
/// gets RGB frames i .. i+T-1, as offline. Flow of each consecutive kept pair is computed once when
/// the second frame arrives. Ring storage is allocated once; only emitted windows allocate.
/// Not thread-safe: one buffer per stream, fed by one thread.
/// </summary>
public sealed class WindowBuffer : IDisposable
{
    private readonly byte[] _rgbRing;
    private readonly byte[] _flowRing;
    private readonly long[] _sourceIndices;
    private readonly TimeSpan[] _timestamps;
    private readonly FarnebackFlow? _flow;
    private readonly Func<int, byte[]> _allocate;
    private long _kept;
    private long _firstIndex;
    private long _sequence;

    /// <summary>Creates a buffer for windows of <paramref name="spec"/>.</summary>
    /// <param name="spec">Clip length, model resolution and which inputs the model takes.</param>
    /// <param name="stride">Kept frames between consecutive windows (1 = a window per kept frame).</param>
    /// <param name="subsample">Source frames skipped after each kept one (0 = keep all).</param>
    /// <param name="allocate">Supplies the arrays of emitted windows (at least the asked length); defaults to new arrays.</param>
    public WindowBuffer(ClipSpec spec, int stride = 1, int subsample = 0, Func<int, byte[]>? allocate = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        if (stride < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, "stride must be >= 1 kept frame between windows");
        }

        if (subsample < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(subsample), subsample, "subsample must be >= 0 skipped frames");
        }

        Spec = spec;
        Stride = stride;
        Subsample = subsample;
        FramesPerWindow = spec.NeedsFlow ? spec.Length + 1 : spec.Length;
        _allocate = allocate ?? (length => new byte[length]);
        _rgbRing = new byte[FramesPerWindow * spec.RgbFrameBytes];
        _flowRing = spec.NeedsFlow ? new byte[spec.Length * spec.FlowFrameBytes] : [];
        _sourceIndices = new long[FramesPerWindow];
        _timestamps = new TimeSpan[FramesPerWindow];
        _flow = spec.NeedsFlow ? new FarnebackFlow() : null;
    }

    /// <summary>The clip shape windows have.</summary>
    public ClipSpec Spec { get; }

    /// <summary>Kept frames between consecutive windows.</summary>
    public int Stride { get; }

    /// <summary>Source frames skipped after each kept one.</summary>
    public int Subsample { get; }

    /// <summary>Kept RGB frames one window spans: T, or T + 1 when flow is needed.</summary>
    public int FramesPerWindow { get; }

    /// <summary>Kept frames since construction or the last <see cref="Reset"/>.</summary>
    public long KeptFrames => _kept;

    /// <summary>
    /// Whether <see cref="Push"/> would keep the frame with this source index: ask before
    /// preprocessing so dropped frames cost nothing. The first frame after a reset is always kept.
    /// </summary>
    public bool WillKeep(long sourceIndex)
    {
        if (_kept == 0)
        {
            return true;
        }

        return sourceIndex > _sourceIndices[Slot(_kept - 1)] && (sourceIndex - _firstIndex) % (Subsample + 1) == 0;
    }

    /// <summary>
    /// Offers one preprocessed RGB frame (uint8 H x W x 3 at model resolution). Frames that
    /// <see cref="WillKeep"/> rejects are ignored. Returns the window this frame completes, or null.
    /// </summary>
    public ClipWindow? Push(long sourceIndex, TimeSpan timestamp, ReadOnlySpan<byte> rgbFrame)
    {
        int frameBytes = Spec.RgbFrameBytes;
        if (rgbFrame.Length < frameBytes)
        {
            throw new ArgumentException($"an RGB frame of {Spec.Height}x{Spec.Width} needs {frameBytes} bytes, got {rgbFrame.Length}", nameof(rgbFrame));
        }

        if (!WillKeep(sourceIndex))
        {
            return null;
        }

        if (_kept == 0)
        {
            _firstIndex = sourceIndex;
        }

        int slot = Slot(_kept);
        var current = _rgbRing.AsSpan(slot * frameBytes, frameBytes);
        rgbFrame[..frameBytes].CopyTo(current);
        _sourceIndices[slot] = sourceIndex;
        _timestamps[slot] = timestamp;
        if (_flow is not null && _kept > 0)
        {
            var previous = _rgbRing.AsSpan(Slot(_kept - 1) * frameBytes, frameBytes);
            var pair = _flowRing.AsSpan(FlowSlot(_kept - 1) * Spec.FlowFrameBytes, Spec.FlowFrameBytes);
            _flow.ComputeRgb(previous, current, Spec.Height, Spec.Width, pair);
        }

        _kept++;
        if (_kept < FramesPerWindow || (_kept - FramesPerWindow) % Stride != 0)
        {
            return null;
        }

        return Emit();
    }

    /// <summary>Forgets every buffered frame (after a reconnect); the next frame starts a new first window.</summary>
    public void Reset() => _kept = 0;

    /// <inheritdoc/>
    public void Dispose() => _flow?.Dispose();

    private ClipWindow Emit()
    {
        long oldest = _kept - FramesPerWindow;
        int length = Spec.Length;
        long firstIndex = _sourceIndices[Slot(oldest)];
        var offsets = new int[length];
        for (int t = 0; t < length; t++)
        {
            offsets[t] = checked((int)(_sourceIndices[Slot(oldest + t)] - firstIndex));
        }

        var rgb = Spec.NeedsRgb ? Gather(_rgbRing, Spec.RgbFrameBytes, oldest, Slot, FrameKind.Rgb) : null;
        var flow = Spec.NeedsFlow ? Gather(_flowRing, Spec.FlowFrameBytes, oldest, FlowSlot, FrameKind.Flow) : null;
        long newest = _kept - 1;
        return new ClipWindow(
            new ClipInput(offsets, rgb, flow),
            _sequence++,
            firstIndex,
            _sourceIndices[Slot(newest)],
            _timestamps[Slot(oldest)],
            _timestamps[Slot(newest)]);
    }

    private ClipFrames Gather(byte[] ring, int frameBytes, long oldest, Func<long, int> slotOf, FrameKind kind)
    {
        int length = Spec.Length;
        var data = _allocate(length * frameBytes);
        for (int t = 0; t < length; t++)
        {
            ring.AsSpan(slotOf(oldest + t) * frameBytes, frameBytes).CopyTo(data.AsSpan(t * frameBytes, frameBytes));
        }

        return new ClipFrames(kind, length, Spec.Height, Spec.Width, data);
    }

    private int Slot(long kept) => (int)(kept % FramesPerWindow);

    private int FlowSlot(long pair) => (int)(pair % Spec.Length);
}
