namespace ActionNet.Vision.Sources;

/// <summary>The raw frame layout ffmpeg writes to the pipe, and what <see cref="RawFrameReader"/> turns it into.</summary>
internal enum RawPixelFormat
{
    /// <summary>Full-size packed BGR, 3 bytes a pixel, delivered as it is.</summary>
    Bgr24,

    /// <summary>Model-sized planar YUV 4:4:4 (scaled by ffmpeg, on the GPU with CUDA), converted to RGB in process.</summary>
    Yuv444,
}
