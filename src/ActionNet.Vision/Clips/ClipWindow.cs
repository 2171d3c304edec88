namespace ActionNet.Vision.Clips;

/// <summary>
/// One live window ready for inference, cut by a <see cref="WindowBuffer"/>. Its arrays are the
/// window's own (freshly allocated or from the buffer's allocator), never the ring's.
/// <see cref="ClipInput.FrameIndices"/> of <see cref="Clip"/> holds each clip frame's offset from
/// <see cref="FirstSourceIndex"/> (source index = FirstSourceIndex + offset), so live indices that
/// outgrow an int stay exact.
/// </summary>
/// <param name="Clip">The RGB and/or flow frames.</param>
/// <param name="Sequence">Windows emitted by this buffer before this one (0-based; keeps counting across resets).</param>
/// <param name="FirstSourceIndex">Source frame index of the oldest frame used.</param>
/// <param name="LastSourceIndex">Source frame index of the newest frame used (for flow, the second frame of the last pair).</param>
/// <param name="FirstTimestamp">Timestamp of the oldest frame used.</param>
/// <param name="LastTimestamp">Timestamp of the newest frame used.</param>
public sealed record ClipWindow(
    ClipInput Clip,
    long Sequence,
    long FirstSourceIndex,
    long LastSourceIndex,
    TimeSpan FirstTimestamp,
    TimeSpan LastTimestamp);
