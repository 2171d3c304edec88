using ActionNet.Onnx.Graph;

namespace ActionNet.Cli.Tests.Support;

/// <summary>Valid ONNX files that break the ActionRecognitionNet contract, built with the generator's graph builder.</summary>
public static class WrongModels
{
    /// <summary>
    /// Writes a model with one float input <paramref name="inputName"/> of <paramref name="shape"/> whose
    /// output <c>fc_pred</c> [N, 5] is the mean over every axis after the channel axis, sliced to 5.
    /// </summary>
    public static string Write(string path, string inputName, params TensorDim[] shape)
    {
        var builder = new OnnxGraphBuilder("wrong_contract");
        builder.AddFloatInput(inputName, shape);
        var axes = Enumerable.Range(2, shape.Length - 2).Select(a => (long)a).ToArray();
        var mean = builder.AddNode("ReduceMean", [inputName], builder.UniqueName("mean"), NodeAttribute.Ints("axes", axes), NodeAttribute.Int("keepdims", 0));
        var starts = builder.AddInitializer("starts", [1], [0L]);
        var ends = builder.AddInitializer("ends", [1], [5L]);
        var one = builder.AddInitializer("axes", [1], [1L]);
        builder.AddNode("Slice", [mean, starts, ends, one], "fc_pred");
        builder.AddFloatOutput("fc_pred", TensorDim.Batch, 5);
        builder.Save(path);
        return path;
    }
}
