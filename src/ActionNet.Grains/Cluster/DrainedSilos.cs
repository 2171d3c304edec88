namespace ActionNet.Grains.Cluster;

/// <summary>Which drained silos the ledger may forget.</summary>
public static class DrainedSilos
{
    /// <summary>
    /// Whether the drained silo at <paramref name="address"/> (as reported: <c>host:port@generation</c>) has left
    /// the cluster for good: membership declared it dead, or no longer lists it at all (its row was cleaned up)
    /// while it does not report either (a silo that just joined may report before this silo's view lists it).
    /// A joining, active or stopping silo stays drained; so does an address that does not parse.
    /// </summary>
    public static bool HasLeft(string address, Func<SiloAddress, SiloStatus> statusOf, bool reporting)
    {
        ArgumentNullException.ThrowIfNull(statusOf);
        SiloAddress silo;
        try
        {
            silo = SiloAddress.FromParsableString(address);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IndexOutOfRangeException)
        {
            return false;
        }

        return statusOf(silo) switch
        {
            SiloStatus.Dead => true,
            SiloStatus.None => !reporting,
            _ => false,
        };
    }
}
