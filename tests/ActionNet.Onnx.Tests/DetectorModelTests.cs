using ActionNet.Onnx.Graph;
using Microsoft.ML.OnnxRuntime;

namespace ActionNet.Onnx.Tests;

/// <summary>Generated PeopleNet-contract detectors: names, shapes, the probe's exact outputs, determinism.</summary>
public sealed class DetectorModelTests : IDisposable
{
    private const int Stride = DetectorGenerator.Stride;
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void ProbeCoverageIsEachCellsChannelMeanAndItsBoxesAreScaledGreenAndBlueMeans(int classes)
    {
        const int height = 3 * Stride;
        const int width = 4 * Stride;
        var model = DetectorGenerator.Write(new DetectorSpec(DetectorArchitecture.Probe, height, width, classes), temp.File($"probe{classes}.onnx"));
        var input = OnnxRunner.RandomValues(2 * 3 * height * width, seed: 11);

        var outputs = OnnxRunner.RunAll(model.OnnxPath, "input_1:0", input, [2, 3, height, width]);

        var (coverage, coverageShape) = outputs["output_cov/Sigmoid:0"];
        var (boxes, boxesShape) = outputs["output_bbox/BiasAdd:0"];
        Assert.Equal([2L, classes, 3, 4], coverageShape);
        Assert.Equal([2L, 4 * classes, 3, 4], boxesShape);
        for (var n = 0; n < 2; n++)
        {
            for (var h = 0; h < 3; h++)
            {
                for (var w = 0; w < 4; w++)
                {
                    for (var c = 0; c < classes; c++)
                    {
                        Assert.Equal(CellMean(input, n, c % 3, h, w, height, width), coverage[Index(n, c, h, w, classes)], 5);
                        Assert.Equal(2 * CellMean(input, n, 1, h, w, height, width), boxes[Index(n, (4 * c) + 0, h, w, 4 * classes)], 5);
                        Assert.Equal(4 * CellMean(input, n, 2, h, w, height, width), boxes[Index(n, (4 * c) + 1, h, w, 4 * classes)], 5);
                        Assert.Equal(2 * CellMean(input, n, 1, h, w, height, width), boxes[Index(n, (4 * c) + 2, h, w, 4 * classes)], 5);
                        Assert.Equal(4 * CellMean(input, n, 2, h, w, height, width), boxes[Index(n, (4 * c) + 3, h, w, 4 * classes)], 5);
                    }
                }
            }
        }
    }

    [Fact]
    public void PeopleNetPresetsDeclarePeopleNetsTensorsAt960By544WithPersonBagFace()
    {
        Assert.Equal(["peoplenet-probe", "peoplenet-resnet18"], DetectorPresets.Names);
        foreach (var name in DetectorPresets.Names)
        {
            Assert.True(DetectorPresets.TryGet(name.ToUpperInvariant(), out var spec));
            var model = DetectorGenerator.Write(spec, temp.File(name + ".onnx"));

            using var session = new InferenceSession(model.OnnxPath);

            var input = Assert.Single(session.InputMetadata);
            Assert.Equal("input_1:0", input.Key);
            Assert.Equal([-1, 3, 544, 960], input.Value.Dimensions);
            Assert.Equal([-1, 3, 34, 60], session.OutputMetadata["output_cov/Sigmoid:0"].Dimensions);
            Assert.Equal([-1, 12, 34, 60], session.OutputMetadata["output_bbox/BiasAdd:0"].Dimensions);
            Assert.Equal(["person", "bag", "face"], File.ReadAllLines(model.LabelsPath));
        }
    }

    [Fact]
    public void ResNet18DetectorRunsToAOneSixteenthGridWithCoverageBetweenZeroAndOne()
    {
        var spec = new DetectorSpec(DetectorArchitecture.ResNet18, Height: 4 * Stride, Width: 6 * Stride);
        var model = DetectorGenerator.Write(spec, temp.File("resnet18.onnx"));

        var outputs = OnnxRunner.RunAll(model.OnnxPath, "input_1:0", OnnxRunner.RandomValues(3 * 64 * 96, seed: 3), [1, 3, 64, 96]);

        var (coverage, coverageShape) = outputs["output_cov/Sigmoid:0"];
        Assert.Equal([1L, 3, 4, 6], coverageShape);
        Assert.Equal([1L, 12, 4, 6], outputs["output_bbox/BiasAdd:0"].Shape);
        Assert.All(coverage, value => Assert.InRange(value, 0f, 1f));
        var summary = OnnxModelSummary.Read(model.OnnxPath);
        Assert.Contains("Sigmoid", summary.OperatorTypes);
        Assert.DoesNotContain("MaxPool", summary.OperatorTypes);
    }

    [Fact]
    public void SameDetectorSpecWritesIdenticalBytesAndAnotherSeedDoesNot()
    {
        var spec = new DetectorSpec(DetectorArchitecture.ResNet18, Height: 32, Width: 48, Seed: 5);

        var bytes = DetectorGenerator.Build(spec).ToBytes();

        Assert.Equal(bytes, DetectorGenerator.Build(spec).ToBytes());
        Assert.NotEqual(bytes, DetectorGenerator.Build(spec with { Seed = 6 }).ToBytes());
    }

    [Theory]
    [InlineData(544, 950)]
    [InlineData(8, 960)]
    public void ADetectorSizeThatIsNotAMultipleOfTheStrideIsRefused(int height, int width)
    {
        var error = Assert.Throws<ArgumentException>(() => DetectorGenerator.Build(new DetectorSpec(DetectorArchitecture.Probe, height, width)));

        Assert.Contains($"{width}x{height}", error.Message, StringComparison.Ordinal);
        Assert.Contains("multiples of 16", error.Message, StringComparison.Ordinal);
    }

    private static int Index(int n, int plane, int h, int w, int planes) => (((n * planes) + plane) * 3 * 4) + (h * 4) + w;

    private static float CellMean(float[] input, int n, int channel, int h, int w, int height, int width)
    {
        var sum = 0.0;
        for (var y = h * Stride; y < (h + 1) * Stride; y++)
        {
            for (var x = w * Stride; x < (w + 1) * Stride; x++)
            {
                sum += input[(((n * 3) + channel) * height * width) + (y * width) + x];
            }
        }

        return (float)(sum / (Stride * Stride));
    }
}
