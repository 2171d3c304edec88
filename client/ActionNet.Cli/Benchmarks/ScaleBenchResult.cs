namespace ActionNet.Cli.Benchmarks;

/// <summary>
/// One silo count of <c>actionnet bench scale</c>: N accelerator silos, each scorer paced to a fixed device
/// capacity, offered 1.2x the cluster's capacity in cameras. JSON field names are the ones scripts read.
/// </summary>
/// <param name="Silos">Accelerator silos (N).</param>
/// <param name="Cameras">Cameras offered.</param>
/// <param name="CapacityWindowsPerSecond">The emulated devices' capacity, summed (N x 1000 / device ms per window).</param>
/// <param name="OfferedWindowsPerSecond">Windows the cameras produced per second (cluster demand).</param>
/// <param name="WindowsPerSecond">Windows scored per second by the whole cluster while measuring.</param>
/// <param name="Efficiency">WindowsPerSecond / (N x the 1-silo run's WindowsPerSecond); null without a 1-silo run.</param>
/// <param name="Utilisation">Mean fraction of wall time the silos' models were busy.</param>
/// <param name="CrossSiloBytesPerWindow">Bytes the silos sent over the network per window scored (Orleans' messaging meter).</param>
/// <param name="CamerasPerSilo">Fewest and most cameras on one silo at the end of the measurement.</param>
/// <param name="WindowsDropped">Windows dropped while measuring, by reason.</param>
/// <param name="RebalanceSeconds">Seconds from one more silo joining until every silo runs its share of cameras within one; null if not within the limit.</param>
/// <param name="RecoverySeconds">Seconds from SIGKILLing a silo until each of its cameras cuts windows again on a survivor; null if not within the limit.</param>
public sealed record ScaleBenchResult(
    int Silos,
    int Cameras,
    double CapacityWindowsPerSecond,
    double OfferedWindowsPerSecond,
    double WindowsPerSecond,
    double? Efficiency,
    double Utilisation,
    double CrossSiloBytesPerWindow,
    CameraSpread CamerasPerSilo,
    Abstractions.Cluster.WindowDrops WindowsDropped,
    double? RebalanceSeconds,
    double? RecoverySeconds);
