using System.Runtime.InteropServices;
using ActionNet.Inference.Contracts;
using ActionNet.Inference.Detection;
using ActionNet.Inference.Execution;
using ActionNet.Inference.Tests.Support;
using ActionNet.Onnx;
using ActionNet.Vision.Detection;
using OpenCvSharp;
using Xunit.Abstractions;

namespace ActionNet.Inference.Tests.Detection;

/// <summary>
/// The probe detector through <see cref="PeopleNetDetector"/> and ONNX Runtime: a painted block of colour must come back
/// as exactly the boxes DeepStream's decoding gives for the probe's known outputs (see <see cref="DetectorArchitecture.Probe"/>).
/// </summary>
public sealed class PeopleNetDetectorTests(ModelDirectory models, ITestOutputHelper output) : IClassFixture<ModelDirectory>
{
    // Painted block: grid row 10, columns 20 and 21 of PeopleNet's 60x34 grid (network pixels x 320..351, y 160..175).
    private const int Row = 10;
    private const int Column = 20;
    private const byte Red = 255;
    private const byte Green = 128;
    private const byte Blue = 96;

    private string Probe => models.Get(new DetectorSpec(DetectorArchitecture.Probe)).OnnxPath;

    [Fact]
    public void APaintedBlockComesBackAsTheBoxesDeepStreamDecodesFromTheProbesOutputs()
    {
        using var frame = Painted(960, 544, 1, 1);
        using var detector = new PeopleNetDetector(Probe, Models.CpuFactory);

        var detections = detector.Detect(frame);

        // Coverage is each class's channel mean in the cell: person R = 1, bag G = 128/255, face B = 96/255 (at least
        // the bag and face threshold 0.2). Both painted cells propose the same box shifted by 16 pixels (IoU 0.63),
        // so NMS keeps the first cell's; its box is centred on (16 * 20 + 0.5, 16 * 10 + 0.5).
        Assert.Equal(["person", "bag", "face"], detections.Select(d => d.ClassName));
        Assert.Equal(1.0, detections[0].Confidence, 5);
        Assert.Equal(Green / 255.0, detections[1].Confidence, 5);
        Assert.Equal(Blue / 255.0, detections[2].Confidence, 5);
        Assert.All(detections, d => AssertBox(ExpectedNetworkBox(), d.Box));
        Assert.Equal(("probe.onnx", ExecutionProvider.Cpu), (detector.Name, detector.ActiveProvider));
    }

    [Fact]
    public void ASourceFrameOfAnotherSizeGetsBoxesScaledByEachAxisOwnFactor()
    {
        // 1920x1632 is 2x and 3x the network: bilinear resizing by whole factors keeps a block aligned to them exact.
        using var frame = Painted(1920, 1632, 2, 3);
        using var detector = new PeopleNetDetector(Probe, Models.CpuFactory, new DetectorOptions { Classes = ["person"] });

        var detection = Assert.Single(detector.Detect(frame));

        var net = ExpectedNetworkBox();
        AssertBox(new PixelBox(net.X1 * 2, net.Y1 * 3, net.X2 * 2, net.Y2 * 3), detection.Box);
    }

    [Fact]
    public void ABatchOfFramesRunsOnceAndGivesEachFrameItsOwnDetections()
    {
        using var painted = Painted(960, 544, 1, 1);
        using var blank = new Mat(272, 480, MatType.CV_8UC3, Scalar.Black);
        using var detector = new PeopleNetDetector(Probe, Models.CpuFactory, new DetectorOptions { Classes = ["person"] });

        var results = detector.DetectBatch([blank, painted, blank]);

        Assert.Equal([0, 1, 0], results.Select(r => r.Count));
        Assert.Equal(detector.Detect(painted), results[1]);
    }

    [Fact]
    public void AFrameAfterTheFirstAllocatesNoTensorMemory()
    {
        using var frame = Painted(960, 544, 1, 1);
        using var detector = new PeopleNetDetector(Probe, Models.CpuFactory);
        detector.Detect(frame);

        var before = GC.GetAllocatedBytesForCurrentThread();
        detector.Detect(frame);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // One input tensor is 3 x 544 x 960 floats (6.3 MB); what is left is the detections and ONNX Runtime's call.
        output.WriteLine($"managed bytes allocated by the second frame: {allocated}");
        Assert.InRange(allocated, 0, 64 * 1024);
    }

    [Fact]
    public void WithoutAGpuTheProviderChainFallsBackToCpuWithOneLogLine()
    {
        var logger = new CapturingLogger();
        var factory = new InferenceSessionFactory(new InferenceOptions { Providers = [ExecutionProvider.Cuda, ExecutionProvider.Cpu] }, logger, new ExecutionProviderAvailability());

        using var detector = new PeopleNetDetector(Probe, factory);

        if (NativeLibrary.TryLoad("libcudart.so.13", out var cuda))
        {
            NativeLibrary.Free(cuda);
            output.WriteLine($"CUDA is present: the detector runs on {detector.ActiveProvider}; the fallback is not what happens here.");
            return;
        }

        Assert.Equal(ExecutionProvider.Cpu, detector.ActiveProvider);
        Assert.Matches(@"^Execution provider unavailable: CUDA \(.*not found\); running on CPU$", Assert.Single(logger.Warnings));
    }

    [Fact]
    public void TheFactoryMakesHogFromItsNameAndAPeopleNetDetectorFromAnOnnxPath()
    {
        using var hog = PersonDetectors.Create("HOG", Models.CpuFactory);
        using var onnx = PersonDetectors.Create(Probe, Models.CpuFactory);

        Assert.IsType<HogPersonDetector>(hog);
        Assert.Equal("probe.onnx", Assert.IsType<PeopleNetDetector>(onnx).Name);
    }

    [Theory]
    [InlineData("yolo", typeof(ArgumentException), "unknown detector 'yolo': expected hog or the path of a PeopleNet-contract .onnx file")]
    [InlineData("{root}/missing.onnx", typeof(ModelContractException), "model file 'missing.onnx' not found")]
    public void TheFactoryRefusesAnUnknownNameAndAMissingModelInOneLine(string spec, Type error, string message)
    {
        var thrown = Assert.Throws(error, () => PersonDetectors.Create(spec.Replace("{root}", models.Root, StringComparison.Ordinal), Models.CpuFactory));

        Assert.StartsWith(message, thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', thrown.Message);
    }

    // The probe's decoded box for one cell: centre (16w + 0.5, 16h + 0.5), half-width 35 * 2 * G, half-height 35 * 4 * B.
    private static PixelBox ExpectedNetworkBox()
    {
        var cx = (16 * Column) + 0.5;
        var cy = (16 * Row) + 0.5;
        var halfWidth = 35 * DetectorGenerator.ProbeBoxScaleX * (Green / 255.0);
        var halfHeight = 35 * DetectorGenerator.ProbeBoxScaleY * (Blue / 255.0);
        return new PixelBox((float)(cx - halfWidth), (float)(cy - halfHeight), (float)(cx + halfWidth), (float)(cy + halfHeight));
    }

    // A black BGR frame with the block of cells (10, 20) and (10, 21) painted, scaled by whole factors.
    private static Mat Painted(int width, int height, int scaleX, int scaleY)
    {
        var frame = new Mat(height, width, MatType.CV_8UC3, Scalar.Black);
        frame.Rectangle(new Rect(16 * Column * scaleX, 16 * Row * scaleY, 32 * scaleX, 16 * scaleY), new Scalar(Blue, Green, Red), -1);
        return frame;
    }

    private static void AssertBox(PixelBox expected, PixelBox actual) =>
        Assert.True(
            Math.Abs(expected.X1 - actual.X1) < 2e-3 && Math.Abs(expected.Y1 - actual.Y1) < 2e-3
                && Math.Abs(expected.X2 - actual.X2) < 2e-3 && Math.Abs(expected.Y2 - actual.Y2) < 2e-3,
            $"expected [{expected.X1}, {expected.Y1}, {expected.X2}, {expected.Y2}], got [{actual.X1}, {actual.Y1}, {actual.X2}, {actual.Y2}]");
}
