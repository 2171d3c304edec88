using System.Net;
using ActionNet.Grains.Placement;

namespace ActionNet.Grains.Tests;

public class AcceleratorPlacementFilterDirectorTests
{
    private static readonly SiloAddress Cpu = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);
    private static readonly SiloAddress T4 = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11112), 1);
    private static readonly SiloAddress Jetson = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11113), 1);
    private static readonly SiloAddress Unlabelled = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11114), 1);

    private static readonly Dictionary<SiloAddress, string?> Labels = new()
    {
        [Cpu] = "cpu",
        [T4] = "t4",
        [Jetson] = "jetson",
        [Unlabelled] = null,
    };

    private static SiloAddress[] All => [Cpu, T4, Jetson, Unlabelled];

    [Fact]
    public void KeepsOnlySilosWithAnAllowedAccelerator()
    {
        var kept = AcceleratorPlacementFilterDirector.Filter("rgb|jetson,t4|0", All, s => Labels[s]);

        Assert.Equal([T4, Jetson], kept);
    }

    [Fact]
    public void InferenceGrainNeverLandsOnCpuOnlySiloWhenT4IsRequired()
    {
        var kept = AcceleratorPlacementFilterDirector.Filter("rgb|t4|2", [Cpu, Unlabelled], s => Labels[s]);

        Assert.Empty(kept);
    }

    [Fact]
    public void AnyAcceleratorKeepsEverySilo() =>
        Assert.Equal(All, AcceleratorPlacementFilterDirector.Filter("rgb|*|0", All, s => Labels[s]));

    [Fact]
    public void GrainsWithoutAnInferenceKeyAreNotFiltered() =>
        Assert.Equal(All, AcceleratorPlacementFilterDirector.Filter("history", All, s => Labels[s]));
}
