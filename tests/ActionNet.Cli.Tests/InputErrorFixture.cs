using ActionNet.Cli.Tests.Support;
using ActionNet.Onnx.Graph;

namespace ActionNet.Cli.Tests;

/// <summary>A good model and video, and the bad inputs the error tests feed the CLI.</summary>
public sealed class InputErrorFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>Writes the inputs.</summary>
    public InputErrorFixture()
    {
        Model = TestInputs.Model(_folder.Path, "probe-2d-rgb");
        Video = TestInputs.Video(_folder.Combine("walk.mp4"), "walk");
        TextFile = _folder.Combine("notes.txt");
        File.WriteAllText(TextFile, "not a video\n");
        NotOnnx = _folder.Combine("notes.onnx");
        File.WriteAllText(NotOnnx, "not a model\n");
        EmptyFolder = _folder.Combine("empty-clip");
        Directory.CreateDirectory(EmptyFolder);
        WrongInputName = WrongModels.Write(_folder.Combine("input-named-data.onnx"), "data", TensorDim.Batch, 24, 32, 32);
        RankThree = WrongModels.Write(_folder.Combine("rank-three.onnx"), "input_rgb", TensorDim.Batch, 24, 32);
    }

    /// <summary>A good T=8 32x32 probe model.</summary>
    public string Model { get; }

    /// <summary>A good 40-frame video.</summary>
    public string Video { get; }

    /// <summary>A text file named .txt.</summary>
    public string TextFile { get; }

    /// <summary>A text file named .onnx.</summary>
    public string NotOnnx { get; }

    /// <summary>A folder with no frames.</summary>
    public string EmptyFolder { get; }

    /// <summary>A model whose input is called <c>data</c>.</summary>
    public string WrongInputName { get; }

    /// <summary>A model whose <c>input_rgb</c> has rank 3.</summary>
    public string RankThree { get; }

    /// <summary>A path inside the fixture's temp folder.</summary>
    public string Combine(params string[] parts) => _folder.Combine(parts);

    /// <inheritdoc/>
    public void Dispose() => _folder.Dispose();
}
