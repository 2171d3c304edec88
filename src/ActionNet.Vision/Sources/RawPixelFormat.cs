namespace ActionNet.Vision.Sources;

/// <summary>The raw frame layout ffmpeg writes to the pipe, and what <see cref="RawFrameReader"/> turns it into.</summary>
internal enum RawPixelFormat
{
    /// <summary>Packed BGR, 3 bytes a pixel, delivered as it is (full-size frames).</summary>
    Bgr24,

    /// <summary>Packed RGB, 3 bytes a pixel, delivered as it is (model frames of odd width or height, which 4:2:0 cannot carry).</summary>
    Rgb24,

    /// <summary>Planar YUV 4:2:0 (I420: Y, then U and V at half size), converted to RGB in process (model frames).</summary>
    I420,

    /// <summary>Planar YUV 4:4:4 (Y, U, V at full size), converted to RGB in process (model frames).</summary>
    Yuv444,
}
