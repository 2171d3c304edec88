namespace ActionNet.Vision.Sources;

/// <summary>The raw frame layout ffmpeg writes to the pipe, and what <see cref="RawFrameReader"/> turns it into.</summary>
internal enum RawPixelFormat
{
    /// <summary>Full-size packed BGR, 3 bytes a pixel, delivered as it is.</summary>
    Bgr24,

    /// <summary>
    /// Full-size planar YUV 4:2:0 (I420), padded to even sizes, made into the RGB model frame in process
    /// (<see cref="Frames.I420ModelFrameResizer"/>): model frames decoded on the CPU.
    /// </summary>
    I420,

    /// <summary>Model-sized planar YUV 4:4:4, converted to RGB in process: model frames scaled on the GPU.</summary>
    Yuv444,
}
