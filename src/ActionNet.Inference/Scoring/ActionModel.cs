using System.Buffers;
using ActionNet.Inference.Contracts;
using ActionNet.Inference.Execution;
using ActionNet.Inference.Packing;
using ActionNet.Vision.Clips;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace ActionNet.Inference.Scoring;

/// <summary>
/// A loaded ActionRecognitionNet model: its detected <see cref="Contract"/>, the execution provider it
/// runs on, and <see cref="Score(IReadOnlyList{ClipInput})"/>, which packs N clips and runs them as one
/// batch. Safe to call from several threads at once: every call rents its own input buffers.
/// </summary>
public sealed class ActionModel : IDisposable
{
    // Packing a clip is ~5 M table look-ups; below this many floats a parallel loop costs more than it saves.
    private const int ParallelPackThreshold = 1 << 20;

    private readonly ProviderSession session;
    private readonly string[] inputNames;
    private readonly string[] outputNames;
    private readonly int? fixedBatch;
    private bool disposed;

    /// <summary>Loads <paramref name="modelPath"/>, detects its contract and opens a session with <paramref name="factory"/>.</summary>
    /// <param name="modelPath">The .onnx file.</param>
    /// <param name="labelsPath">An explicit labels file, or null for the sibling file or the defaults.</param>
    /// <param name="factory">Chooses the execution provider.</param>
    /// <exception cref="ModelContractException">The file is missing, is not ONNX, or breaks the contract.</exception>
    public ActionModel(string modelPath, string? labelsPath, InferenceSessionFactory factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        ArgumentNullException.ThrowIfNull(factory);
        using (var metadata = ModelContractReader.OpenForMetadata(modelPath))
        {
            Contract = ModelContractReader.Read(metadata, modelPath, labelsPath);
            var batch = metadata.InputMetadata[Contract.Inputs[0].Name].Dimensions[0];
            fixedBatch = batch > 0 ? batch : null;
        }

        ModelPath = Path.GetFullPath(modelPath);
        session = factory.Create(modelPath, fixedBatch is null ? Contract : null);
        inputNames = Contract.Inputs.Select(i => i.Name).ToArray();
        outputNames = [Contract.OutputName];
    }

    /// <summary>What the model expects and returns.</summary>
    public ModelContract Contract { get; }

    /// <summary>The execution provider the session actually runs on.</summary>
    public ExecutionProvider ActiveProvider => session.Provider;

    /// <summary>Full path of the loaded .onnx file.</summary>
    public string ModelPath { get; }

    /// <summary>Loads a model with the given options (default: TensorRT, CUDA, CPU).</summary>
    public static ActionModel Load(string modelPath, string? labelsPath = null, InferenceOptions? options = null, ILogger? logger = null) =>
        new(modelPath, labelsPath, new InferenceSessionFactory(options ?? new InferenceOptions(), logger));

    /// <summary>Scores one clip.</summary>
    public ClipScores Score(ClipInput clip) => Score([clip])[0];

    /// <summary>
    /// Scores N clips in one batched run (several runs only if the model has a fixed batch size) and
    /// returns their scores in the same order.
    /// </summary>
    /// <exception cref="ArgumentException">A clip lacks an input the model needs or has the wrong size.</exception>
    public IReadOnlyList<ClipScores> Score(IReadOnlyList<ClipInput> clips)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentNullException.ThrowIfNull(clips);
        for (var i = 0; i < clips.Count; i++)
        {
            foreach (var spec in Contract.Inputs)
            {
                var frames = FramesFor(clips[i], spec.Kind)
                    ?? throw new ArgumentException($"clip {i} has no {spec.Kind} frames; model '{Path.GetFileName(ModelPath)}' needs {spec.Name}", nameof(clips));
                ClipPacker.Validate(frames, spec);
            }
        }

        var results = new ClipScores[clips.Count];
        var step = fixedBatch ?? Math.Max(clips.Count, 1);
        for (var start = 0; start < clips.Count; start += step)
        {
            Run(clips, start, Math.Min(step, clips.Count - start), fixedBatch ?? clips.Count, results);
        }

        return results;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            session.Dispose();
        }
    }

    private void Run(IReadOnlyList<ClipInput> clips, int start, int count, int batch, ClipScores[] results)
    {
        var specs = Contract.Inputs;
        var buffers = new float[specs.Count][];
        var values = new OrtValue[specs.Count];
        try
        {
            for (var i = 0; i < specs.Count; i++)
            {
                var spec = specs[i];
                var length = spec.ElementsPerClip * batch;
                buffers[i] = ArrayPool<float>.Shared.Rent(length);
                Pack(clips, start, count, spec, buffers[i]);
                buffers[i].AsSpan(count * spec.ElementsPerClip, (batch - count) * spec.ElementsPerClip).Clear();
                values[i] = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<float>(buffers[i], 0, length), ClipPacker.ShapeOf(spec, batch));
            }

            using var runOptions = new RunOptions();
            using var outputs = session.Session.Run(runOptions, inputNames, values, outputNames);
            ReadLogits(outputs.First(), start, count, batch, results);
        }
        finally
        {
            foreach (var value in values)
            {
                value?.Dispose();
            }

            foreach (var buffer in buffers)
            {
                if (buffer is not null)
                {
                    ArrayPool<float>.Shared.Return(buffer);
                }
            }
        }
    }

    private static void Pack(IReadOnlyList<ClipInput> clips, int start, int count, ModelInputSpec spec, float[] buffer)
    {
        var size = spec.ElementsPerClip;
        if (count > 1 && (long)count * size >= ParallelPackThreshold)
        {
            Parallel.For(0, count, j => ClipPacker.Pack(FramesFor(clips[start + j], spec.Kind)!, spec, buffer.AsSpan(j * size, size)));
            return;
        }

        for (var j = 0; j < count; j++)
        {
            ClipPacker.Pack(FramesFor(clips[start + j], spec.Kind)!, spec, buffer.AsSpan(j * size, size));
        }
    }

    private void ReadLogits(OrtValue output, int start, int count, int batch, ClipScores[] results)
    {
        var classes = Contract.ClassCount;
        var shape = output.GetTensorTypeAndShape().Shape;
        if (shape.Length != 2 || shape[0] != batch || shape[1] != classes)
        {
            throw new InvalidOperationException(
                $"model '{Path.GetFileName(ModelPath)}' returned {Contract.OutputName} [{string.Join(",", shape)}]; expected [{batch},{classes}]");
        }

        var logits = output.GetTensorDataAsSpan<float>();
        for (var j = 0; j < count; j++)
        {
            var row = logits.Slice(j * classes, classes).ToArray();
            results[start + j] = new ClipScores(row, Softmax.Compute(row));
        }
    }

    private static ClipFrames? FramesFor(ClipInput clip, FrameKind kind) => kind == FrameKind.Rgb ? clip.Rgb : clip.Flow;
}
