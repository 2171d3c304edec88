using ActionNet.Abstractions.Cameras;

namespace ActionNet.Storage.Tests;

public sealed class SourceUrlTests
{
    [Theory]
    [InlineData("rtsp://user:pass@host/x", "rtsp://user:***@host/x")]
    [InlineData("rtsp://admin:s3cr%40t%3A@10.0.0.7:554/stream1?tcp", "rtsp://admin:***@10.0.0.7:554/stream1?tcp")]
    [InlineData("rtsp://admin:p@ss@cam.local/live", "rtsp://admin:***@cam.local/live")]
    [InlineData("http://user:pw@host", "http://user:***@host")]
    [InlineData("rtsp://user:@host/x", "rtsp://user:***@host/x")]
    [InlineData("http://host/path?token=a:b@c", "http://host/path?token=***")]
    public void PasswordsAreMasked(string source, string expected)
    {
        Assert.Equal(expected, SourceUrl.Redact(source));
    }

    [Theory]
    [InlineData("rtsp://user@host/x")]
    [InlineData("rtsp://host:554/x")]
    [InlineData("/data/videos/walk:01@noon.mp4")]
    [InlineData("videos/walk.mp4")]
    [InlineData("C:\\videos\\walk.mp4")]
    [InlineData("file:///data/walk.mp4")]
    public void SourcesWithoutAPasswordAreUnchanged(string source)
    {
        Assert.Equal(source, SourceUrl.Redact(source));
    }
}
