using ActionNet.Abstractions.Cameras;

namespace ActionNet.Streams.Tests;

public sealed class SourceUrlMaskingTests
{
    [Theory]
    [InlineData("rtsp://cam/live?user=admin&password=hunter2", "rtsp://cam/live?user=admin&password=***")]
    [InlineData("http://cam/video.mjpg?USER=admin&PWD=hunter2&fps=5", "http://cam/video.mjpg?USER=admin&PWD=***&fps=5")]
    [InlineData("https://cdn/x.m3u8?Signature=abc%2Bdef&Key-Pair-Id=K1&Expires=9", "https://cdn/x.m3u8?Signature=***&Key-Pair-Id=K1&Expires=9")]
    [InlineData("rtsp://a:b@cam/s?token=t1&pass=p1&passwd=p2&apikey=k&api_key=k2&auth=a&sig=s&secret=z&access_token=q&key=v", "rtsp://a:***@cam/s?token=***&pass=***&passwd=***&apikey=***&api_key=***&auth=***&sig=***&secret=***&access_token=***&key=***")]
    [InlineData("http://cam/x?client_secret=1;session=2#frag", "http://cam/x?client_secret=***;session=***#frag")]
    [InlineData("http://cam/x?password=", "http://cam/x?password=***")]
    [InlineData("RTSP://Admin:Secret@Cam/Live", "RTSP://Admin:***@Cam/Live")]
    public void CredentialQueryParametersAreMaskedLikeThePassword(string source, string expected)
    {
        var url = new SourceUrl(source);

        Assert.Equal(expected, url.Display);
        Assert.Equal(expected, SourceUrl.Redact(source));
        Assert.True(url.HasCredentials);
    }

    [Theory]
    [InlineData("http://cam/x?user=admin&fps=5&monkey=1")]
    [InlineData("rtsp://cam:554/live")]
    [InlineData("/media/walk.mp4")]
    public void SourcesWithoutCredentialsAreShownAsTheyAre(string source)
    {
        var url = new SourceUrl(source);

        Assert.Equal(source, url.Display);
        Assert.False(url.HasCredentials);
    }

    [Fact]
    public void ScrubMasksTheUrlAndEveryRepeatOfItsSecretsInAMessage()
    {
        var url = new SourceUrl("rtsp://admin:p%40ss@cam/live?token=tok123");

        var line = url.Scrub("[concat] Impossible to open 'rtsp://admin:p%40ss@cam/live?token=tok123'; auth p@ss failed; token tok123");

        Assert.Equal("[concat] Impossible to open 'rtsp://admin:***@cam/live?token=***'; auth *** failed; token ***", line);
    }

    [Theory]
    [InlineData("rtsp://user:pw@[::1]:8554/cam", "[::1]")]
    [InlineData("RTSP://cam.local:554/x", "cam.local")]
    [InlineData("rtsp://-i", "-i")]
    [InlineData("http://a:b@host?x=1", "host")]
    public void HostIsFoundBetweenTheUserPartAndThePort(string source, string host) =>
        Assert.Equal(host, new SourceUrl(source).Host);
}
