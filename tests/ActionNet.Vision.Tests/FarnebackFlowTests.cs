using ActionNet.Vision.Flow;
using OpenCvSharp;

namespace ActionNet.Vision.Tests;

public sealed class FarnebackFlowTests
{
    [Fact]
    public void RightwardMotionEncodesUAbove128()
    {
        var previous = SyntheticFrames.RgbTexture(64, 64, shiftX: 0);
        var next = SyntheticFrames.RgbTexture(64, 64, shiftX: 2);
        var uv = new byte[64 * 64 * 2];
        using var flow = new FarnebackFlow();

        flow.ComputeRgb(previous, next, 64, 64, uv);

        var centre = 2 * ((32 * 64) + 32);
        Assert.True(uv[centre] > 160, $"u at the centre was {uv[centre]}, expected well above 128");
        Assert.InRange(uv[centre + 1], 110, 146);
    }

    [Fact]
    public void PlanesFromBgrMatsMatchTheRgbPath()
    {
        using var previous = SyntheticFrames.Texture(48, 40, shiftX: 0);
        using var next = SyntheticFrames.Texture(48, 40, shiftX: 1);
        using var u = new Mat();
        using var v = new Mat();
        using var flow = new FarnebackFlow();
        var uv = new byte[48 * 40 * 2];

        flow.ComputePlanes(previous, next, u, v);
        flow.ComputeRgb(SyntheticFrames.RgbTexture(48, 40, 0), SyntheticFrames.RgbTexture(48, 40, 1), 40, 48, uv);

        Assert.Equal(new Size(48, 40), u.Size());
        Assert.Equal(MatType.CV_8UC1, v.Type());
        Assert.Equal(uv[2 * ((20 * 48) + 24)], u.At<byte>(20, 24));
        Assert.Equal(uv[(2 * ((20 * 48) + 24)) + 1], v.At<byte>(20, 24));
    }
}
