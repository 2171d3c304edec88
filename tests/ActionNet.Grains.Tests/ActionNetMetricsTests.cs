using ActionNet.Abstractions.Cluster;
using ActionNet.Grains.Cameras;
using ActionNet.Grains.Cluster;

namespace ActionNet.Grains.Tests;

/// <summary>The ActionNet meter reads the silo's counters: what it exports is what the counters hold.</summary>
public sealed class ActionNetMetricsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("actionnet-metrics-").FullName;

    [Fact]
    public void ADroppedWindowIsExportedUnderItsReasonTag()
    {
        var activity = new SiloActivity();
        using var probe = new MetricsProbe(activity, folder);

        activity.Dropped(DropReason.Overload);
        activity.Dropped(DropReason.Overload);
        activity.Dropped(DropReason.Unrecorded);

        Assert.Equal(2, probe.Latest("actionnet.windows.dropped", "reason", "overload"));
        Assert.Equal(1, probe.Latest("actionnet.windows.dropped", "reason", "unrecorded"));
        Assert.Equal(0, probe.Latest("actionnet.windows.dropped", "reason", "no_accelerator"));
        Assert.Equal(0, probe.Latest("actionnet.windows.dropped", "reason", "failed"));
    }

    [Fact]
    public void FramesAndWindowsOfACameraThatStoppedOrRestartedAreCountedOnceAndNeverGoBack()
    {
        var activity = new SiloActivity();
        using var probe = new MetricsProbe(activity, folder);
        var counters = new CameraCounters();

        activity.CameraStarted("cam", "tiny", counters);
        Feed(counters, frames: 8, windows: 2);
        Assert.Equal(8, probe.Latest("actionnet.frames.received"));
        activity.CameraStopped("cam");
        Assert.Equal(8, probe.Latest("actionnet.frames.received"));

        // The grain keeps its counters when its pipeline starts again: only the new frames add.
        activity.CameraStarted("cam", "tiny", counters);
        Feed(counters, frames: 4, windows: 1);
        Assert.Equal(12, probe.Latest("actionnet.frames.received"));
        Assert.Equal(3, probe.Latest("actionnet.windows.emitted"));
        activity.CameraStopped("cam");
        Assert.Equal(12, probe.Latest("actionnet.frames.received"));
        Assert.Equal(3, probe.Latest("actionnet.windows.emitted"));
    }

    [Fact]
    public void ClusterGaugesShowTheLedgersPoolsAndZeroForAPoolThatNoLongerReports()
    {
        using var probe = new MetricsProbe(new SiloActivity(), folder);

        probe.Metrics.ClusterRead([
            new PoolLoad { Pool = "t4", Silos = 2, Capacity = 40, Demand = 30, DemandRatio = 0.75 },
            new PoolLoad { Pool = "cpu", Silos = 1, Capacity = 5, Demand = 0, DemandRatio = 0 },
        ]);
        Assert.Equal(40, probe.Latest("actionnet.cluster.capacity", "pool", "t4"));
        Assert.Equal(30, probe.Latest("actionnet.cluster.demand", "pool", "t4"));
        Assert.Equal(0.75, probe.Latest("actionnet.cluster.demand_ratio", "pool", "t4"));

        probe.Metrics.ClusterRead([new PoolLoad { Pool = "cpu", Silos = 1, Capacity = 5, Demand = 1, DemandRatio = 0.2 }]);
        Assert.Equal(0, probe.Latest("actionnet.cluster.capacity", "pool", "t4"));
        Assert.Equal(0, probe.Latest("actionnet.cluster.demand_ratio", "pool", "t4"));
        Assert.Equal(0.2, probe.Latest("actionnet.cluster.demand_ratio", "pool", "cpu"));
    }

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static void Feed(CameraCounters counters, int frames, int windows)
    {
        for (var i = 0; i < frames; i++)
        {
            counters.FrameReceived();
        }

        for (var i = 0; i < windows; i++)
        {
            counters.Emitted();
        }
    }
}
