using ActionNet.Grains.Cluster;

namespace ActionNet.Grains.Tests;

/// <summary>Which drained silo addresses the cluster ledger forgets, so that it does not grow with every stopped pod.</summary>
public sealed class DrainedSilosTests
{
    private const string Address = "10.0.0.7:11111@155296414";

    [Theory]
    [InlineData(SiloStatus.Joining)]
    [InlineData(SiloStatus.Active)]
    [InlineData(SiloStatus.ShuttingDown)]
    [InlineData(SiloStatus.Stopping)]
    public void ASiloStillInTheClusterStaysDrained(SiloStatus status) =>
        Assert.False(DrainedSilos.HasLeft(Address, _ => status, reporting: false));

    [Fact]
    public void ASiloMembershipDeclaredDeadIsForgottenEvenWhileItsLastReportIsFresh() =>
        Assert.True(DrainedSilos.HasLeft(Address, _ => SiloStatus.Dead, reporting: true));

    [Fact]
    public void ASiloMembershipNoLongerListsIsForgottenOnlyOnceItStoppedReporting()
    {
        Assert.False(DrainedSilos.HasLeft(Address, _ => SiloStatus.None, reporting: true));
        Assert.True(DrainedSilos.HasLeft(Address, _ => SiloStatus.None, reporting: false));
    }

    [Fact]
    public void TheAddressIsLookedUpAsReported()
    {
        SiloAddress? asked = null;
        DrainedSilos.HasLeft(Address, s => { asked = s; return SiloStatus.Active; }, reporting: true);
        Assert.Equal(Address, asked?.ToParsableString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("t4-1")]
    public void AnAddressThatDoesNotParseIsKept(string address) =>
        Assert.False(DrainedSilos.HasLeft(address, _ => SiloStatus.Dead, reporting: false));
}
