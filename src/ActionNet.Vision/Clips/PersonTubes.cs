using ActionNet.Vision.Detection;
using ActionNet.Vision.Frames;
using ActionNet.Vision.Tracking;
using OpenCvSharp;

namespace ActionNet.Vision.Clips;

/// <summary>
/// Tubes of one camera: a <see cref="WindowBuffer"/> per confirmed track, keyed by track id (never by box),
/// fed with the person's crop at the model's H x W. The crop is the track's smoothed box in integer source
/// pixels (rounded outwards, plus <see cref="TubeOptions.Context"/>), clamped to the frame, then resized
/// straight to H x W (bilinear, aspect not kept) and turned to RGB by <see cref="FramePreprocessor"/>: the
/// way DeepStream's nvdspreprocess scales an object or ROI with maintain-aspect-ratio off. Stride, subsample and
/// flow work per tube as for whole frames. A track that ends frees its buffer; at most
/// <see cref="TubeOptions.MaxTracks"/> people are cut per frame, the largest boxes first, and the frames of the
/// others are dropped and counted (a person pushed over the cap loses its buffer, so memory stays bounded).
/// Not thread-safe: one instance per camera.
/// </summary>
public sealed class PersonTubes : IDisposable
{
    private readonly Dictionary<int, WindowBuffer> _buffers = [];
    private readonly Dictionary<TubeDropReason, long> _dropped = Enum.GetValues<TubeDropReason>().ToDictionary(r => r, _ => 0L);
    private readonly FramePreprocessor _preprocessor;
    private readonly Func<int, byte[]>? _allocate;
    private readonly byte[] _crop;

    /// <summary>Creates the tubes of one camera.</summary>
    /// <param name="spec">Clip length, model resolution and inputs.</param>
    /// <param name="options">Stride, subsample, context and the track cap.</param>
    /// <param name="allocate">Supplies the arrays of emitted windows, as for <see cref="WindowBuffer"/>; defaults to new arrays.</param>
    public PersonTubes(ClipSpec spec, TubeOptions options, Func<int, byte[]>? allocate = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        spec.Validate();
        options.Validate();
        Spec = spec;
        Options = options;
        _allocate = allocate;
        _preprocessor = new FramePreprocessor(spec.Height, spec.Width, ResizeMode.Stretch);
        _crop = new byte[spec.RgbFrameBytes];
    }

    /// <summary>The clip shape windows have.</summary>
    public ClipSpec Spec { get; }

    /// <summary>Stride, subsample, context and the track cap.</summary>
    public TubeOptions Options { get; }

    /// <summary>Ids of the tracks that hold a buffer now, ascending.</summary>
    public IReadOnlyList<int> TrackIds => [.. _buffers.Keys.Order()];

    /// <summary>Frames not added to a tube since construction, by reason (every reason present).</summary>
    public IReadOnlyDictionary<TubeDropReason, long> Dropped => _dropped;

    /// <summary>
    /// The crop of <paramref name="box"/> with <paramref name="context"/> (a fraction of its width and height added on
    /// every side) in integer pixels, rounded outwards, clamped to a <paramref name="frameWidth"/> x <paramref name="frameHeight"/>
    /// frame; null when nothing of it is inside.
    /// </summary>
    public static Rect? CropOf(PixelBox box, float context, int frameWidth, int frameHeight)
    {
        var grown = box.Expand(context);
        var x1 = Math.Max(0, (int)Math.Floor(grown.X1));
        var y1 = Math.Max(0, (int)Math.Floor(grown.Y1));
        var x2 = Math.Min(frameWidth, (int)Math.Ceiling(grown.X2));
        var y2 = Math.Min(frameHeight, (int)Math.Ceiling(grown.Y2));
        return x2 > x1 && y2 > y1 ? new Rect(x1, y1, x2 - x1, y2 - y1) : null;
    }

    /// <summary>
    /// Adds this frame's crops of the confirmed <paramref name="tracks"/> (others are not cut) after freeing the buffers
    /// of the <paramref name="ended"/> tracks; returns the windows this frame completes, by track id.
    /// </summary>
    /// <param name="sourceIndex">The frame's index in the stream.</param>
    /// <param name="timestamp">The frame's timestamp.</param>
    /// <param name="bgrFrame">The decoded frame (8-bit BGR, BGRA or gray), whose pixels the track boxes are in.</param>
    /// <param name="tracks">The tracker's tracks after this frame.</param>
    /// <param name="ended">Ids of the tracks that ended this frame.</param>
    public IReadOnlyList<PersonWindow> Push(long sourceIndex, TimeSpan timestamp, Mat bgrFrame, IReadOnlyList<TrackedPerson> tracks, IReadOnlyList<int> ended)
    {
        ArgumentNullException.ThrowIfNull(bgrFrame);
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(ended);
        foreach (var id in ended)
        {
            Free(id);
        }

        int width = bgrFrame.Width, height = bgrFrame.Height;
        var people = new List<(TrackedPerson Track, Rect Crop)>();
        foreach (var track in tracks.Where(t => t.State == TrackState.Confirmed))
        {
            if (CropOf(track.SmoothedBox, Options.Context, width, height) is { } crop)
            {
                people.Add((track, crop));
            }
            else
            {
                _dropped[TubeDropReason.OutsideFrame]++;
            }
        }

        var windows = new List<PersonWindow>();
        var ranked = people.OrderByDescending(p => p.Crop.Width * p.Crop.Height).ThenBy(p => p.Track.Id).ToList();
        foreach (var (track, _) in ranked.Skip(Options.MaxTracks))
        {
            _dropped[TubeDropReason.OverTrackCap]++;
            Free(track.Id);
        }

        foreach (var (track, crop) in ranked.Take(Options.MaxTracks).OrderBy(p => p.Track.Id))
        {
            if (!_buffers.TryGetValue(track.Id, out var buffer))
            {
                buffer = new WindowBuffer(Spec, Options.Stride, Options.Subsample, _allocate);
                _buffers.Add(track.Id, buffer);
            }

            if (!buffer.WillKeep(sourceIndex))
            {
                continue;
            }

            _preprocessor.Process(bgrFrame, _crop, crop);
            if (buffer.Push(sourceIndex, timestamp, _crop) is { } window)
            {
                windows.Add(new PersonWindow(track.Id, track.SmoothedBox, window));
            }
        }

        return windows;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var buffer in _buffers.Values)
        {
            buffer.Dispose();
        }

        _buffers.Clear();
        _preprocessor.Dispose();
    }

    private void Free(int id)
    {
        if (_buffers.Remove(id, out var buffer))
        {
            buffer.Dispose();
        }
    }
}
