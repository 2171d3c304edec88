using ActionNet.Inference.Contracts;
using ActionNet.Inference.Detection;
using ActionNet.Inference.Tests.Support;
using ActionNet.Onnx;
using ActionNet.Onnx.Graph;
using static ActionNet.Inference.Tests.Support.HandBuiltDetectors;

namespace ActionNet.Inference.Tests.Detection;

public sealed class DetectorContractReaderTests(ModelDirectory models) : IClassFixture<ModelDirectory>
{
    [Fact]
    public void PeopleNetsTensorsGiveItsSizeGridStrideAndPersonBagFace()
    {
        var model = DetectorGenerator.Write(new DetectorSpec(DetectorArchitecture.Probe), models.PathFor("peoplenet.onnx"));
        File.Delete(model.LabelsPath);

        var contract = DetectorContractReader.Read(model.OnnxPath);

        Assert.Equal(("input_1:0", "output_cov/Sigmoid:0", "output_bbox/BiasAdd:0"), (contract.InputName, contract.CoverageName, contract.BoxesName));
        Assert.Equal((544, 960, 34, 60), (contract.Height, contract.Width, contract.GridHeight, contract.GridWidth));
        Assert.Equal((16, 16), (contract.StrideX, contract.StrideY));
        Assert.Equal(["person", "bag", "face"], contract.Labels);
        Assert.Null(contract.FixedBatch);
    }

    [Fact]
    public void SizeGridAndClassesComeFromTheGraphAndLabelsFromTheFileBesideIt()
    {
        var model = DetectorGenerator.Write(new DetectorSpec(DetectorArchitecture.Probe, Height: 96, Width: 160, Classes: 5), models.PathFor("five.onnx"));

        var contract = DetectorContractReader.Read(model.OnnxPath);

        Assert.Equal((96, 160, 6, 10), (contract.Height, contract.Width, contract.GridHeight, contract.GridWidth));
        Assert.Equal(["class_0", "class_1", "class_2", "class_3", "class_4"], contract.Labels);
    }

    [Fact]
    public void AGridThatDoesNotDivideTheInputRoundsTheStrideUpAsDeepStreamDoes()
    {
        var path = Write(models.PathFor("odd.onnx"), new Tensor("input_1:0", 1, 3, 100, 150),
            new Tensor("output_cov/Sigmoid:0", 1, 3, 7, 9), new Tensor("output_bbox/BiasAdd:0", 1, 12, 7, 9));

        var contract = DetectorContractReader.Read(path);

        Assert.Equal((17, 15), (contract.StrideX, contract.StrideY));
        Assert.Equal(1, contract.FixedBatch);
    }

    [Fact]
    public void AFileThatIsNotOnnxIsRejectedInOneLine()
    {
        var path = models.PathFor("notes.onnx");
        File.WriteAllText(path, "not a detector\nsecond line\n");

        var error = Assert.Throws<ModelContractException>(() => DetectorContractReader.Read(path));

        Assert.Equal("'notes.onnx' is not an ONNX model (ONNX Runtime could not parse it)", error.Message);
    }

    [Fact]
    public void AMissingDetectorIsNamed()
    {
        var error = Assert.Throws<ModelContractException>(() => DetectorContractReader.Read(Path.Combine(models.Root, "absent.onnx")));

        OneLineNaming(error, "absent.onnx");
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnActionModelGivenAsADetectorSaysWhatItIs()
    {
        var action = models.Get(new ModelSpec(ModelArchitecture.Probe, ModelDimensions.TwoD, ModelInputs.Rgb, Frames: 2, Height: 32, Width: 32));

        var error = Assert.Throws<ModelContractException>(() => DetectorContractReader.Read(action.OnnxPath));

        OneLineNaming(error, Path.GetFileName(action.OnnxPath));
        Assert.Contains("found inputs [input_rgb float[N,6,32,32]]", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected one float32 input input_1:0 as [N, 3, H, W]", error.Message, StringComparison.Ordinal);
        Assert.Contains("ActionRecognitionNet action model", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("input-named-data", "found inputs [data float[N,3,544,960]]; expected one float32 input input_1:0")]
    [InlineData("rank-three", "(rank 3); expected one float32 input input_1:0 as [N, 3, H, W]")]
    [InlineData("one-channel", "found inputs [input_1:0 float[N,1,544,960]]; expected one float32 input input_1:0 as [N, 3, H, W] with a dynamic or unit batch (a PeopleNet / DetectNet_v2 detector), so dimension 1 = 3")]
    [InlineData("batch-four", "not a fixed batch of 4")]
    [InlineData("outputs-renamed", "found outputs [cov float[N,3,34,60], bbox float[N,12,34,60]]; expected output_cov/Sigmoid:0 [N, C, Gh, Gw] and output_bbox/BiasAdd:0 [N, 4C, Gh, Gw]")]
    [InlineData("boxes-not-4c", "found output output_bbox/BiasAdd:0 float[N,8,34,60]; expected float32 [N, 12, 34, 60]: 4 box planes (x1, y1, x2, y2) for each of the 3 coverage classes")]
    [InlineData("boxes-other-grid", "found output output_bbox/BiasAdd:0 float[N,12,17,30]; expected float32 [N, 12, 34, 60]")]
    [InlineData("coverage-rank-two", "found output output_cov/Sigmoid:0 float[N,3]; expected float32 [N, C, Gh, Gw]")]
    public void ADetectorThatBreaksTheTensorContractIsRejectedInOneLine(string name, string why)
    {
        var path = models.PathFor(name + ".onnx");
        TensorDim n = TensorDim.Batch;
        switch (name)
        {
            case "input-named-data":
                Write(path, new Tensor("data", n, 3, 544, 960), new Tensor("output_cov/Sigmoid:0", n, 3, 34, 60), new Tensor("output_bbox/BiasAdd:0", n, 12, 34, 60));
                break;
            case "rank-three":
                Write(path, new Tensor("input_1:0", n, 3, 544), new Tensor("output_cov/Sigmoid:0", n, 3, 34, 60), new Tensor("output_bbox/BiasAdd:0", n, 12, 34, 60));
                break;
            case "one-channel":
                Write(path, new Tensor("input_1:0", n, 1, 544, 960), new Tensor("output_cov/Sigmoid:0", n, 3, 34, 60), new Tensor("output_bbox/BiasAdd:0", n, 12, 34, 60));
                break;
            case "batch-four":
                PeopleNetShaped(path, 4);
                break;
            case "outputs-renamed":
                Write(path, new Tensor("input_1:0", n, 3, 544, 960), new Tensor("cov", n, 3, 34, 60), new Tensor("bbox", n, 12, 34, 60));
                break;
            case "boxes-not-4c":
                PeopleNetShaped(path, n, boxPlanes: 8);
                break;
            case "boxes-other-grid":
                Write(path, new Tensor("input_1:0", n, 3, 544, 960), new Tensor("output_cov/Sigmoid:0", n, 3, 34, 60), new Tensor("output_bbox/BiasAdd:0", n, 12, 17, 30));
                break;
            default:
                Write(path, new Tensor("input_1:0", n, 3, 544, 960), new Tensor("output_cov/Sigmoid:0", n, 3), new Tensor("output_bbox/BiasAdd:0", n, 12, 34, 60));
                break;
        }

        var error = Assert.Throws<ModelContractException>(() => DetectorContractReader.Read(path));

        OneLineNaming(error, name + ".onnx");
        Assert.StartsWith($"detector '{name}.onnx' is not usable: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FourClassesWithoutALabelsFileAskForOne()
    {
        var path = PeopleNetShaped(models.PathFor("four.onnx"), TensorDim.Batch, classes: 4);

        var error = Assert.Throws<ModelContractException>(() => DetectorContractReader.Read(path));

        OneLineNaming(error, "four.onnx");
        Assert.Contains("has 4 classes and no labels", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected a labels file with 4 names (the default labels only fit 3 classes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALabelsFileOfTheWrongLengthNamesTheCoverageAxis()
    {
        var path = PeopleNetShaped(models.PathFor("three.onnx"), TensorDim.Batch);
        var labels = models.PathFor("two.txt");
        File.WriteAllLines(labels, ["person", "bag"]);

        var error = Assert.Throws<ModelContractException>(() => DetectorContractReader.Read(path, labels));

        Assert.Equal("labels file 'two.txt' does not fit model 'three.onnx': found 2 labels; expected 3 (the size of output_cov/Sigmoid:0's class axis)", error.Message);
    }

    private static void OneLineNaming(ModelContractException error, string file)
    {
        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains($"'{file}'", error.Message, StringComparison.Ordinal);
    }
}
