using ActionNet.Abstractions.Cluster;
using ActionNet.Grains.Placement;

namespace ActionNet.Grains.Tests;

/// <summary>The arithmetic of placement and rebalancing, on silo reports alone.</summary>
public sealed class CapacityPlannerTests
{
    private const string Profile = "rgb";

    [Fact]
    public void ACameraGoesToTheSiloWithTheMostSpareCapacity()
    {
        var reports = Reports(Silo("a", 10, 3), Silo("b", 10, 1), Silo("c", 10, 2));

        var chosen = CapacityPlanner.Choose(["a", "b", "c"], Profile, reports, new Dictionary<string, double>(), new HashSet<string>());

        Assert.Equal("b", chosen);
    }

    [Fact]
    public void ReservationsSpreadABurstOfPlacementsInsteadOfPilingOntoOneSilo()
    {
        var reports = Reports(Silo("a", 10, 0), Silo("b", 10, 0));
        var reserved = new Dictionary<string, double>();
        var picks = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var pick = CapacityPlanner.Choose(["a", "b"], Profile, reports, reserved, new HashSet<string>());
            reserved[pick] = reserved.GetValueOrDefault(pick) + 1;
            picks.Add(pick);
        }

        Assert.Equal(2, picks.Count(p => p == "a"));
        Assert.Equal(2, picks.Count(p => p == "b"));
    }

    [Fact]
    public void ADeadSilosCamerasSpreadByCameraCountNotByOneReportsNoisyPerCameraFigures()
    {
        // Two equal survivors with two cameras each; one measured its cameras low over a short report interval.
        var low = Silo("a", 10, 2) with { Cameras = [Camera("a-cam0", 0.2), Camera("a-cam1", 0.2)] };
        var high = Silo("b", 10, 2) with { Cameras = [Camera("b-cam0", 1.5), Camera("b-cam1", 1.5)] };
        var reports = Reports(low, high);
        var reserved = new Dictionary<string, double>();
        var picks = new List<string>();
        foreach (var orphan in new[] { "dead-cam0", "dead-cam1" })
        {
            var pick = CapacityPlanner.Choose(["a", "b"], Profile, reports, reserved, new HashSet<string>());
            reserved[pick] = reserved.GetValueOrDefault(pick) + CapacityPlanner.UnitDemand(Profile, reports.Values);
            picks.Add(pick);
        }

        Assert.Equal(["a", "b"], picks);
        Assert.Equal(0.85, CapacityPlanner.UnitDemand(Profile, reports.Values), 6);
    }

    [Fact]
    public void ASiloThatJoinedGetsCamerasUntilBothAreWithinOneCameraOfTheirShare()
    {
        var reports = Reports(Silo("a", 10, 6), Silo("b", 10, 0, measured: false, capacity: 30));

        var moves = CapacityPlanner.Rebalance([.. reports.Values], _ => new HashSet<string> { "a", "b" }, new HashSet<string>(), maxMoves: 10);

        // b has measured nothing yet: it counts with its pool's measured capacity, so the share is 3 and 3.
        Assert.Equal(3, moves.Count);
        Assert.All(moves, m => Assert.Equal(("a", "b", "balance"), (m.From, m.To, m.Reason)));
    }

    [Fact]
    public void MovesAreBoundedPerRoundAndSettlingCamerasAreLeftAlone()
    {
        var reports = Reports(Silo("a", 10, 6), Silo("b", 10, 0));

        var moves = CapacityPlanner.Rebalance([.. reports.Values], _ => new HashSet<string> { "a", "b" }, new HashSet<string> { "a-cam0" }, maxMoves: 2);

        Assert.Equal(2, moves.Count);
        Assert.DoesNotContain(moves, m => m.CameraId == "a-cam0");
    }

    [Fact]
    public void ABalancedClusterMovesNothingAndAnOddCameraStays()
    {
        var reports = Reports(Silo("a", 10, 4), Silo("b", 10, 3));

        Assert.Empty(CapacityPlanner.Rebalance([.. reports.Values], _ => new HashSet<string> { "a", "b" }, new HashSet<string>(), maxMoves: 10));
    }

    [Fact]
    public void ADrainingSilosCamerasAllLeaveAndSpreadOverTheOthers()
    {
        var reports = Reports(Silo("a", 10, 4), Silo("b", 10, 1), Silo("c", 10, 1));

        var moves = CapacityPlanner.Rebalance([.. reports.Values], _ => new HashSet<string> { "b", "c" }, new HashSet<string>(), maxMoves: 10);

        var leaving = moves.Where(m => m.From == "a").ToArray();
        Assert.Equal(4, leaving.Length);
        Assert.Equal(2, leaving.Count(m => m.To == "b"));
        Assert.Equal(2, leaving.Count(m => m.To == "c"));
    }

    [Fact]
    public void SharesFollowCapacity()
    {
        // c sustains three times what d does (another accelerator label): 8 cameras split 6 and 2.
        var reports = Reports(Silo("c", 30, 8, label: "h100"), Silo("d", 10, 0, label: "t4"));

        var moves = CapacityPlanner.Rebalance([.. reports.Values], _ => new HashSet<string> { "c", "d" }, new HashSet<string>(), maxMoves: 10);

        Assert.Equal(2, moves.Count(m => m.To == "d"));
    }

    private static Dictionary<string, SiloReport> Reports(params SiloReport[] reports) =>
        reports.ToDictionary(r => r.Silo, StringComparer.Ordinal);

    private static CameraLoad Camera(string id, double demand) => new() { CameraId = id, Profile = Profile, Demand = demand };

    private static SiloReport Silo(string name, double demandCapacity, int cameras, bool measured = true, double? capacity = null, string label = "t4") => new()
    {
        Silo = name,
        Host = name,
        Accelerator = label,
        ActiveCameras = cameras,
        Profiles = [new ProfileLoad { Profile = Profile, Capacity = capacity ?? demandCapacity, Measured = measured, Demand = cameras }],
        Cameras = [.. Enumerable.Range(0, cameras).Select(i => new CameraLoad { CameraId = $"{name}-cam{i}", Profile = Profile, Demand = 1 })],
    };
}
