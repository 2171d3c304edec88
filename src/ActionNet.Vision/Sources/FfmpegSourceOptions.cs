using ActionNet.Vision.Frames;

namespace ActionNet.Vision.Sources;

/// <summary>
/// How <see cref="FfmpegFrameSource"/> runs the system <c>ffmpeg</c> (5.0 or newer) for one stream:
/// transport, timeouts, size and rate caps, GPU decoding. The defaults suit a live camera feeding a
/// 224x224 action model.
/// </summary>
public sealed record FfmpegSourceOptions
{
    /// <summary>The ffmpeg executable; a name is looked up on PATH.</summary>
    public string FfmpegPath { get; init; } = "ffmpeg";

    /// <summary>The ffprobe executable that learns the frame size first; a name is looked up on PATH.</summary>
    public string FfprobePath { get; init; } = "ffprobe";

    /// <summary>
    /// RTSP lower transport: "tcp" (default: interleaved RTP survives NAT and loss without smearing
    /// frames), "udp" or "http".
    /// </summary>
    public string RtspTransport { get; init; } = "tcp";

    /// <summary>
    /// Socket timeout for connecting and for each network read (ffmpeg's <c>-timeout</c> for RTSP,
    /// <c>-rw_timeout</c> for HTTP): a dead or silent host fails after this long. Default 5 s.
    /// </summary>
    public TimeSpan IoTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A read that waits this long for a frame fails with a "stalled" <see cref="VideoSourceException"/>
    /// and kills the decoder. The first frame may take <see cref="IoTimeout"/> + <see cref="AnalyzeDuration"/>
    /// longer (connecting, analysing the stream). Time the caller spends between reads does not count.
    /// Default 10 s.
    /// </summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Network streams: how much of the stream ffprobe and ffmpeg read to learn its parameters before
    /// starting (<c>-analyzeduration</c>). Shorter starts faster; too short can miss the frame rate. Default 1 s.
    /// </summary>
    public TimeSpan AnalyzeDuration { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the ffprobe step may take before the source gives up. Default 15 s.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Frame-rate cap in frames per second: frames closer than 1/cap to the previous kept frame are
    /// dropped in ffmpeg (never duplicated). 0 or less keeps every frame. Default 30.
    /// </summary>
    public double MaxFramesPerSecond { get; init; } = 30;

    /// <summary>
    /// Largest output width: bigger streams are scaled down keeping their aspect ratio (the model sees
    /// 224x224, so 4K frames would only cost decode and copy time). Default 1920.
    /// </summary>
    public int MaxWidth { get; init; } = 1920;

    /// <summary>Largest output height; see <see cref="MaxWidth"/>. Default 1080.</summary>
    public int MaxHeight { get; init; } = 1080;

    /// <summary>
    /// Deliver model frames instead of full-size BGR frames: ffmpeg crops the region, scales to the model's
    /// H x W (centre crop too) and hands over planar YUV 4:4:4 at that size, a fraction of the bytes of a
    /// full-size BGR frame; <see cref="FfmpegFrameSource.Read"/> converts it to an H x W 8-bit <b>RGB</b> Mat,
    /// ready for <see cref="FramePreprocessor.ProcessModelFrame"/>. With <see cref="UseCuda"/>, decoding and
    /// scaling run on the GPU (<c>scale_cuda</c>) and only scaled frames reach host memory. The frame differs
    /// slightly from <see cref="FramePreprocessor.Process(OpenCvSharp.Mat, Span{byte}, OpenCvSharp.Rect?)"/>
    /// on OpenCV's decode (ffmpeg's scaler is not OpenCV's bilinear): see the README for the measured difference.
    /// Null (the default): full-size BGR.
    /// </summary>
    public ModelFrameShape? ModelFrame { get; init; }

    /// <summary>
    /// Decode on an NVIDIA GPU (<c>-hwaccel cuda</c>). When ffmpeg cannot initialise CUDA the source
    /// logs one line and decodes on the CPU instead.
    /// </summary>
    public bool UseCuda { get; init; }

    /// <summary>Local files only: play again from the start at the end (a simulated camera).</summary>
    public bool Loop { get; init; }

    /// <summary>
    /// Local files only: deliver frames at the file's own rate (<c>-re</c>) instead of as fast as ffmpeg
    /// decodes. Network streams are paced by the sender.
    /// </summary>
    public bool RealTime { get; init; }
}
