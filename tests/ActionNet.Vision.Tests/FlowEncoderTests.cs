using ActionNet.Vision.Flow;

namespace ActionNet.Vision.Tests;

public sealed class FlowEncoderTests
{
    [Fact]
    public void EncodingDividesByTheLargestVectorAndTruncates()
    {
        // (3,4) is the longest vector: max_rad = 5.
        float[] flow = [3f, 4f, 0f, 0f, -3f, 0f, 0f, -5f];
        var uv = new byte[8];

        FlowEncoder.EncodeInterleaved(flow, uv);

        // 3/5*127.999+128 = 204.799; 4/5*127.999+128 = 230.399; -3/5 -> 51.2; -5/5 -> 0.001.
        Assert.Equal([204, 230, 128, 128, 51, 128, 128, 0], uv);
    }

    [Fact]
    public void SmallMotionIsNotStretchedBecauseMaxRadiusIsAtLeastOne()
    {
        float[] flow = [0.5f, 0f, 0f, -0.25f];
        var u = new byte[2];
        var v = new byte[2];

        FlowEncoder.EncodePlanes(flow, u, v);

        Assert.Equal(1.0f, FlowEncoder.MaxRadius(flow));
        Assert.Equal([191, 128], u); // 0.5*127.999+128 = 191.9995
        Assert.Equal([128, 96], v);  // -0.25*127.999+128 = 96.00025
    }

    [Fact]
    public void PlanesAndInterleavedEncodingsAgree()
    {
        float[] flow = [1.5f, -2f, 7f, 0.25f, -9f, 3f];
        var uv = new byte[6];
        var u = new byte[3];
        var v = new byte[3];

        FlowEncoder.EncodeInterleaved(flow, uv);
        FlowEncoder.EncodePlanes(flow, u, v);

        Assert.Equal(uv.Where((_, i) => i % 2 == 0), u);
        Assert.Equal(uv.Where((_, i) => i % 2 == 1), v);
    }
}
