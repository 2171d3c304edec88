using System.Collections.Concurrent;
using ActionNet.Onnx;

namespace ActionNet.Inference.Tests.Support;

/// <summary>A temporary folder of generated models shared by one test class, deleted afterwards.</summary>
public sealed class ModelDirectory : IDisposable
{
    private readonly ConcurrentDictionary<ModelSpec, GeneratedModel> generated = new();
    private readonly ConcurrentDictionary<DetectorSpec, GeneratedDetector> detectors = new();

    public ModelDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "actionnet-inference-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The model for <paramref name="spec"/>, generated once per class.</summary>
    public GeneratedModel Get(ModelSpec spec) =>
        generated.GetOrAdd(spec, s => ModelGenerator.Write(s, PathFor($"{s.Architecture}_{s.Dimensions}_{s.Inputs}_{s.Frames}x{s.Height}x{s.Width}_k{s.Classes}_s{s.Seed}.onnx")));

    /// <summary>The detector for <paramref name="spec"/>, generated once per class as <c>&lt;architecture&gt;.onnx</c> with its labels file.</summary>
    public GeneratedDetector Get(DetectorSpec spec) =>
        detectors.GetOrAdd(spec, s => DetectorGenerator.Write(s, PathFor($"{s.Architecture}.onnx".ToLowerInvariant())));

    /// <summary>A fresh path inside the folder (a new sub-folder, so no sibling labels file is near it).</summary>
    public string PathFor(string fileName)
    {
        var folder = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A session still mapping a file on some platforms; the OS temp cleaner gets it later.
        }
    }
}
