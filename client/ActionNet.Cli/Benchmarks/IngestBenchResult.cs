namespace ActionNet.Cli.Benchmarks;

/// <summary>
/// Network ingest for one stream count, measured in one run: the camera path (ffmpeg child decoding and
/// scaling to model resolution, planar YUV 4:4:4 on a pipe, then YUV to RGB in process) against a bare
/// <c>ffmpeg -f null</c> decode of the same streams. CPU is user + system time of every process involved, per frame.
/// </summary>
/// <param name="Streams">Streams read at once.</param>
/// <param name="Seconds">Seconds each side ran.</param>
/// <param name="FramesPerSecond">Frames per second the camera path sustained across all streams.</param>
/// <param name="CpuMsPerFrame">Camera path CPU milliseconds per frame (ffmpeg children + this process).</param>
/// <param name="DecoderCpuMsPerFrame">Of which the ffmpeg children (decode, scale to model size, pipe writes).</param>
/// <param name="BareFramesPerSecond">Frames per second the bare decode sustained across all streams.</param>
/// <param name="BareCpuMsPerFrame">Bare ffmpeg decode CPU milliseconds per frame.</param>
public sealed record IngestBenchResult(int Streams, double Seconds, double FramesPerSecond, double CpuMsPerFrame, double DecoderCpuMsPerFrame, double BareFramesPerSecond, double BareCpuMsPerFrame)
{
    /// <summary>Camera path CPU per frame over bare decode CPU per frame.</summary>
    public double CpuRatio => BareCpuMsPerFrame == 0 ? 0 : CpuMsPerFrame / BareCpuMsPerFrame;
}
