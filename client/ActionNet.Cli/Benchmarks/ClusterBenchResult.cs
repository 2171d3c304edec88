namespace ActionNet.Cli.Benchmarks;

/// <summary>
/// The cluster pipeline against raw ONNX Runtime for one camera count, measured in one run: windows
/// scored and persisted per second, latency from a window's last frame to its label being handed to
/// Blob storage, dropped windows and silo memory per camera.
/// </summary>
/// <param name="Cameras">Cameras streaming.</param>
/// <param name="OfferedWindowsPerSecond">Windows the cameras produced per second in total (above raw capacity, to be inference-bound).</param>
/// <param name="RawBatch">Batch size raw ONNX Runtime was timed at: min(cameras, the profile's max batch).</param>
/// <param name="RawWindowsPerSecond">Raw ONNX Runtime windows per second at <see cref="RawBatch"/>: the mean of the two raw phases.</param>
/// <param name="PipelineWindowsPerSecond">Windows scored and persisted per second by the cluster: the mean of the two pipeline phases.</param>
/// <param name="LatencyP50Ms">Median latency, milliseconds.</param>
/// <param name="LatencyP95Ms">95th percentile latency, milliseconds.</param>
/// <param name="LatencyP99Ms">99th percentile latency, milliseconds.</param>
/// <param name="WindowsDropped">Windows dropped by the cameras' bounded queues during the measurement.</param>
/// <param name="SiloResidentMb">Silo resident memory at the end of the measurement (model session included), MB.</param>
/// <param name="Events">Events the figures are computed from.</param>
public sealed record ClusterBenchResult(
    int Cameras,
    double OfferedWindowsPerSecond,
    int RawBatch,
    double RawWindowsPerSecond,
    double PipelineWindowsPerSecond,
    double LatencyP50Ms,
    double LatencyP95Ms,
    double LatencyP99Ms,
    long WindowsDropped,
    double SiloResidentMb,
    int Events)
{
    /// <summary>Mean fraction of wall time the silo's model was executing while the pipeline was measured.</summary>
    public double Utilisation { get; init; }

    /// <summary>Pipeline / raw throughput.</summary>
    public double Ratio => RawWindowsPerSecond == 0 ? 0 : PipelineWindowsPerSecond / RawWindowsPerSecond;
}
