using System.Net;
using ActionNet.Grains.Egress;
using Microsoft.Extensions.Options;

namespace ActionNet.Grains.Tests;

/// <summary>Where silos may connect for a user: metadata and link-local addresses refused by default, private networks not.</summary>
public sealed class EgressPolicyTests
{
    private static readonly EgressPolicy Default = new(Options.Create(new EgressOptions()));

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/")]
    [InlineData("rtsp://169.254.10.20:554/cam")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    [InlineData("http://2852039166/latest/meta-data/")]
    [InlineData("http://168.63.129.16/machine")]
    [InlineData("http://100.100.100.200/latest/meta-data/")]
    public async Task AMetadataOrLinkLocalAddressIsRefusedNamingTheSettingThatAllowsIt(string url)
    {
        var problem = await Default.UrlProblemAsync("source", url);

        Assert.NotNull(problem);
        Assert.Contains("a link-local or cloud metadata address that ActionNet:Egress:Deny refuses (name it in ActionNet:Egress:Allow to let it through)", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rtsp://192.168.1.20:554/stream1")]
    [InlineData("rtsp://10.0.0.7/cam")]
    [InlineData("http://172.16.4.2/hook")]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("rtsp://localhost/cam")]
    [InlineData("/media/walk.mp4")]
    public async Task CamerasAndReceiversOnPrivateNetworksAndFilesStayAllowed(string url) =>
        Assert.Null(await Default.UrlProblemAsync("source", url));

    [Fact]
    public async Task AnAllowedRangeLetsADeniedAddressThrough()
    {
        var policy = new EgressPolicy(Options.Create(new EgressOptions { Allow = ["169.254.10.0/24"] }));

        Assert.Null(await policy.UrlProblemAsync("source", "rtsp://169.254.10.20/cam"));
        Assert.NotNull(await policy.UrlProblemAsync("source", "http://169.254.169.254/"));
        Assert.True(policy.Allows(IPAddress.Parse("169.254.10.99")));
    }

    [Fact]
    public void ARangeThatIsNotOneFailsStartWithItsKey() =>
        Assert.Equal(["ActionNet:Egress:Allow:0 is '10.0.0.0/33'; expected an address range such as 169.254.0.0/16 or an address"], new EgressOptions { Allow = ["10.0.0.0/33"] }.Validate());
}
