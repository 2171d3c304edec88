namespace ActionNet.Onnx.Tests;

public sealed class ProbeModelTests : IDisposable
{
    private const int Frames = 4;
    private const int Height = 6;
    private const int Width = 5;
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(ModelInputs.Rgb, 3)]
    [InlineData(ModelInputs.Flow, 2)]
    public void TwoDProbeLogitsAreSpatialMeansOfEachPackedChannelPlaneInOrder(ModelInputs inputs, int channels)
    {
        var model = Generate(ModelDimensions.TwoD, inputs);
        var data = OnnxRunner.RandomValues(2 * channels * Frames * Height * Width, seed: 7);

        var (logits, shape) = OnnxRunner.Run(model.OnnxPath, (InputName(inputs), data, [2, channels * Frames, Height, Width]));

        Assert.Equal([2L, channels * Frames], shape);
        AssertLogitsArePlaneMeans(logits, [data], [channels], batch: 2);
    }

    [Theory]
    [InlineData(ModelInputs.Rgb, 3)]
    [InlineData(ModelInputs.Flow, 2)]
    public void ThreeDProbeLogitsFollowTheSameCTimesTPlusTOrder(ModelInputs inputs, int channels)
    {
        var model = Generate(ModelDimensions.ThreeD, inputs);
        var data = OnnxRunner.RandomValues(2 * channels * Frames * Height * Width, seed: 8);

        // NCTHW memory is the same as N(C*T)HW memory, so plane j = c*T + t in both layouts.
        var (logits, shape) = OnnxRunner.Run(model.OnnxPath, (InputName(inputs), data, [2, channels, Frames, Height, Width]));

        Assert.Equal([2L, channels * Frames], shape);
        AssertLogitsArePlaneMeans(logits, [data], [channels], batch: 2);
    }

    [Theory]
    [InlineData(ModelDimensions.TwoD)]
    [InlineData(ModelDimensions.ThreeD)]
    public void JointProbePutsRgbPlanesBeforeFlowPlanes(ModelDimensions dimensions)
    {
        var model = Generate(dimensions, ModelInputs.Joint);
        var rgb = OnnxRunner.RandomValues(3 * Frames * Height * Width, seed: 9);
        var flow = OnnxRunner.RandomValues(2 * Frames * Height * Width, seed: 10);
        long[] rgbShape = dimensions == ModelDimensions.TwoD ? [1, 3 * Frames, Height, Width] : [1, 3, Frames, Height, Width];
        long[] flowShape = dimensions == ModelDimensions.TwoD ? [1, 2 * Frames, Height, Width] : [1, 2, Frames, Height, Width];

        var (logits, shape) = OnnxRunner.Run(model.OnnxPath, ("input_rgb", rgb, rgbShape), ("input_of", flow, flowShape));

        Assert.Equal([1L, 5 * Frames], shape);
        AssertLogitsArePlaneMeans(logits, [rgb, flow], [3, 2], batch: 1);
    }

    [Fact]
    public void ProbeLabelsFileNamesEveryPlaneAndSpecReportsPlaneCountAsClasses()
    {
        var model = Generate(ModelDimensions.TwoD, ModelInputs.Joint);

        var labels = File.ReadAllLines(model.LabelsPath!);

        Assert.Equal(temp.File("probe.labels.txt"), model.LabelsPath);
        Assert.Equal(5 * Frames, model.Spec.Classes);
        Assert.Equal(["R_t0", "R_t1", "R_t2", "R_t3", "G_t0"], labels[..5]);
        Assert.Equal(["B_t3", "u_t0"], labels[(3 * Frames - 1)..(3 * Frames + 1)]);
        Assert.Equal("v_t3", labels[^1]);
    }

    private GeneratedModel Generate(ModelDimensions dimensions, ModelInputs inputs) =>
        ModelGenerator.Write(new ModelSpec(ModelArchitecture.Probe, dimensions, inputs, Frames, Height, Width), temp.File("probe.onnx"));

    private static string InputName(ModelInputs inputs) => inputs == ModelInputs.Rgb ? "input_rgb" : "input_of";

    private static void AssertLogitsArePlaneMeans(float[] logits, float[][] inputs, int[] channels, int batch)
    {
        const int plane = Height * Width;
        var planesPerSample = channels.Sum() * Frames;
        for (var n = 0; n < batch; n++)
        {
            var j = 0;
            for (var i = 0; i < inputs.Length; i++)
            {
                var sampleSize = channels[i] * Frames * plane;
                for (var p = 0; p < channels[i] * Frames; p++, j++)
                {
                    var expected = inputs[i].AsSpan(n * sampleSize + p * plane, plane).ToArray().Average();
                    Assert.Equal(expected, logits[n * planesPerSample + j], 4);
                }
            }
        }
    }
}
