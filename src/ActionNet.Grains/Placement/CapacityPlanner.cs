using ActionNet.Abstractions.Cluster;

namespace ActionNet.Grains.Placement;

/// <summary>
/// The arithmetic of placement and rebalancing, from silo reports alone (no cluster needed to test it).
/// A silo's load is the sum over its profiles of demand / capacity; its spare capacity for a profile is
/// that profile's capacity times (1 - load). A camera goes to the allowed silo with the most spare capacity;
/// the rebalancer moves cameras until every silo's demand is within one camera of its capacity-weighted share.
/// </summary>
public static class CapacityPlanner
{
    /// <summary>Demand assumed for a camera that has not been measured yet, when no other camera of its profile has been either.</summary>
    public const double DefaultCameraDemand = 1.0;

    /// <summary>
    /// The capacity (windows per second) a silo has for <paramref name="profile"/>: the mean of what the silos of
    /// its accelerator label have measured for the profile (one label is one kind of hardware, and a pool-wide
    /// mean is steadier than one silo's figure and gives a silo that just joined its peers' value); else the
    /// silo's configured start value; else the mean of any silo's; else 1.
    /// </summary>
    public static double CapacityOf(SiloReport? report, string profile, IReadOnlyCollection<SiloReport> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        var label = report?.Accelerator ?? "";
        var peers = all.Where(r => string.Equals(r.Accelerator, label, StringComparison.OrdinalIgnoreCase))
            .SelectMany(r => r.Profiles)
            .Where(p => p.Measured && p.Capacity > 0 && Same(p.Profile, profile))
            .Select(p => p.Capacity)
            .ToArray();
        if (peers.Length > 0)
        {
            return peers.Average();
        }

        if (report?.Profiles.FirstOrDefault(p => Same(p.Profile, profile)) is { Capacity: > 0 } own)
        {
            return own.Capacity;
        }

        var others = all.SelectMany(r => r.Profiles).Where(p => Same(p.Profile, profile) && p.Capacity > 0).Select(p => p.Capacity).ToArray();
        return others.Length > 0 ? others.Average() : 1;
    }

    /// <summary>
    /// The demand (windows per second) one camera of <paramref name="profile"/> counts with: the mean of what its
    /// cameras were measured at, else <see cref="DefaultCameraDemand"/>. Placement and rebalancing both count every
    /// camera of a profile at this mean: one camera's own figure swings with its start time, source hiccups and
    /// the length of the report's interval (a silo reports early when membership changes), and deciding on that
    /// noise would pile a dead silo's cameras onto whichever survivor happened to measure low.
    /// </summary>
    public static double UnitDemand(string profile, IReadOnlyCollection<SiloReport> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        var measured = all.SelectMany(r => r.Cameras).Where(c => Same(c.Profile, profile) && c.Demand > 0).Select(c => c.Demand).ToArray();
        return measured.Length > 0 ? measured.Average() : DefaultCameraDemand;
    }

    /// <summary>
    /// The fraction of <paramref name="report"/>'s accelerator its cameras use: the sum over profiles of cameras x
    /// <see cref="UnitDemand"/> / capacity, plus <paramref name="reserved"/> windows per second of <paramref name="profile"/>,
    /// leaving out the cameras in <paramref name="departed"/>.
    /// </summary>
    public static double Load(SiloReport report, IReadOnlyCollection<SiloReport> all, string profile, double reserved, IReadOnlySet<string> departed)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(departed);
        var load = reserved / CapacityOf(report, profile, all);
        foreach (var group in report.Cameras.Where(c => !departed.Contains(c.CameraId)).GroupBy(c => c.Profile, StringComparer.OrdinalIgnoreCase))
        {
            load += group.Count() * UnitDemand(group.Key, all) / CapacityOf(report, group.Key, all);
        }

        return load;
    }

    /// <summary>
    /// The candidate with the most spare capacity for <paramref name="profile"/>: capacity x (1 - load), with
    /// <paramref name="reservations"/> (windows per second by silo) counted as load. Ties go to the silo with
    /// fewer cameras, then to the lower address. A candidate with no report yet counts as empty.
    /// </summary>
    public static string Choose(
        IReadOnlyList<string> candidates,
        string profile,
        IReadOnlyDictionary<string, SiloReport> reports,
        IReadOnlyDictionary<string, double> reservations,
        IReadOnlySet<string> departed)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(reservations);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("no candidate silo", nameof(candidates));
        }

        var all = reports.Values.ToArray();
        return candidates
            .Select(silo =>
            {
                var reserved = reservations.GetValueOrDefault(silo);
                var report = reports.GetValueOrDefault(silo) ?? new SiloReport { Silo = silo };
                var capacity = CapacityOf(report, profile, all);
                return (Silo: silo, Spare: capacity * (1 - Load(report, all, profile, reserved, departed)), Cameras: report.Cameras.Length);
            })
            .OrderByDescending(c => Math.Round(c.Spare, 6))
            .ThenBy(c => c.Cameras)
            .ThenBy(c => c.Silo, StringComparer.Ordinal)
            .First().Silo;
    }

    /// <summary>
    /// At most <paramref name="maxMoves"/> moves that bring the cluster closer to balance. First, cameras on silos
    /// that may not keep them (draining, or no longer allowed for their profile) go to the eligible silo with
    /// the most room under its share. Then, per profile, a camera moves from the silo furthest above its
    /// capacity-weighted share of the profile's demand to the one furthest below, while that strictly
    /// improves the balance: the result is every silo within one camera of its share. Every camera of a profile
    /// counts with the profile's mean demand, so noise in one camera's figure moves nothing. Cameras in
    /// <paramref name="settling"/> (moved recently, not yet seen at their new silo) are left alone.
    /// </summary>
    /// <param name="reports">Fresh reports of the active silos.</param>
    /// <param name="eligible">The silos (addresses) that may run a profile: allowed, active, not draining.</param>
    /// <param name="settling">Cameras whose move is still under way.</param>
    /// <param name="maxMoves">The most moves to return.</param>
    public static IReadOnlyList<CameraMove> Rebalance(
        IReadOnlyList<SiloReport> reports,
        Func<string, IReadOnlySet<string>> eligible,
        IReadOnlySet<string> settling,
        int maxMoves)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(eligible);
        ArgumentNullException.ThrowIfNull(settling);
        var moves = new List<CameraMove>();
        foreach (var profile in reports.SelectMany(r => r.Cameras).Select(c => c.Profile).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
        {
            var targets = eligible(profile);
            var silos = reports.Where(r => targets.Contains(r.Silo)).ToArray();
            if (silos.Length == 0)
            {
                continue;
            }

            var capacity = silos.ToDictionary(s => s.Silo, s => CapacityOf(s, profile, reports), StringComparer.Ordinal);
            var totalCapacity = capacity.Values.Sum();
            // Balance on the profile's mean demand per camera (see UnitDemand): moving on one camera's noise would
            // move cameras back and forth.
            var unit = UnitDemand(profile, reports);
            var cameras = reports.SelectMany(r => r.Cameras.Where(c => Same(c.Profile, profile)).Select(c => (Camera: c, r.Silo, Demand: unit))).ToList();
            var demand = cameras.Sum(c => c.Demand);
            var load = silos.ToDictionary(s => s.Silo, s => cameras.Where(c => c.Silo == s.Silo).Sum(c => c.Demand), StringComparer.Ordinal);
            double Deviation(string silo) => load[silo] - (demand * capacity[silo] / totalCapacity);

            foreach (var (camera, from, cameraDemand) in cameras.Where(c => !targets.Contains(c.Silo) && !settling.Contains(c.Camera.CameraId)).ToArray())
            {
                if (moves.Count >= maxMoves)
                {
                    return moves;
                }

                var to = silos.Select(s => s.Silo).OrderBy(Deviation).ThenBy(s => s, StringComparer.Ordinal).First();
                moves.Add(new CameraMove(camera.CameraId, from, to, "leaving"));
                load[to] += cameraDemand;
            }

            while (moves.Count < maxMoves)
            {
                var ordered = silos.Select(s => s.Silo).OrderBy(Deviation).ThenBy(s => s, StringComparer.Ordinal).ToArray();
                var under = ordered[0];
                var over = ordered[^1];
                var spread = Deviation(over) - Deviation(under);
                var candidate = cameras
                    .Where(c => c.Silo == over && !settling.Contains(c.Camera.CameraId) && !moves.Any(m => m.CameraId == c.Camera.CameraId))
                    .OrderBy(c => Math.Abs(c.Demand - (spread / 2)))
                    .ThenBy(c => c.Camera.CameraId, StringComparer.Ordinal)
                    .Select(c => ((CameraLoad Camera, string Silo, double Demand)?)c)
                    .FirstOrDefault();

                // Moving demand d from over to under improves the balance only when the spread exceeds d; a 10%
                // margin keeps measurement noise from moving a camera back and forth.
                if (candidate is not { } pick || spread <= pick.Demand * 1.1)
                {
                    break;
                }

                moves.Add(new CameraMove(pick.Camera.CameraId, over, under, "balance"));
                load[over] -= pick.Demand;
                load[under] += pick.Demand;
            }
        }

        return moves;
    }

    // A camera that reports no demand yet (just started, or its source is reconnecting) still occupies a share.
    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
