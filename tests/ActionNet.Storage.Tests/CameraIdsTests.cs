using ActionNet.Abstractions.Cameras;

namespace ActionNet.Storage.Tests;

public sealed class CameraIdsTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("cam-1")]
    [InlineData("0front-door")]
    [InlineData("lobby-")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789-abcdefghijklmnopqrstuvwxyz")]
    public void LegalIdsAreAccepted(string id)
    {
        Assert.Equal(id, CameraIds.Validate(id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Cam_1")]
    [InlineData("-cam")]
    [InlineData("cam/1")]
    [InlineData("cam 1")]
    [InlineData("café")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789-abcdefghijklmnopqrstuvwxyz0")]
    public void IllegalIdsAreRejected(string id)
    {
        Assert.False(CameraIds.IsValid(id));
        Assert.Throws<ArgumentException>(() => CameraIds.Validate(id));
    }

    [Fact]
    public void TheErrorIsOneLineNamingTheIdAndTheRule()
    {
        var error = Assert.Throws<ArgumentException>(() => CameraIds.Validate("Cam_1"));

        Assert.StartsWith("camera id 'Cam_1' is invalid: expected 1 to 63 characters of a-z, 0-9 and '-'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void NullIsRejected()
    {
        Assert.Throws<ArgumentException>(() => CameraIds.Validate(null));
    }
}
