using ActionNet.Inference.Contracts;
using ActionNet.Inference.Execution;
using ActionNet.Vision.Detection;
using ActionNet.Vision.Frames;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace ActionNet.Inference.Detection;

/// <summary>
/// NVIDIA PeopleNet (or any detector with its DetectNet_v2 contract, read from the graph) on ONNX Runtime, TensorRT
/// then CUDA then CPU through <see cref="InferenceSessionFactory"/>. Preprocessing as DeepStream's PeopleNet config:
/// the whole frame resized to the network's W x H (bilinear, no letterbox), BGR to RGB, x * 0.0039215697906911373
/// (<c>net-scale-factor</c>, offsets 0), NCHW float. Decoding by <see cref="DetectNetV2Decoder"/>, boxes in source
/// pixels. Input and output tensors live in pinned buffers allocated once per batch size and bound to ONNX Runtime,
/// so a stream of frames allocates no tensor memory. One instance per stream, used by one thread at a time.
/// </summary>
public sealed class PeopleNetDetector : IPersonDetector
{
    /// <summary>DeepStream's <c>net-scale-factor</c> for PeopleNet: float(1/255).</summary>
    public const float NetScaleFactor = 0.0039215697906911373f;

    private readonly ProviderSession session;
    private readonly DetectNetV2Decoder decoder;
    private readonly FramePreprocessor preprocessor;
    private readonly byte[] rgb;
    private readonly string[] inputNames;
    private readonly string[] outputNames;
    private readonly RunOptions runOptions = new();
    private readonly Dictionary<int, TensorBuffers> buffers = [];
    private bool disposed;

    /// <summary>Loads <paramref name="modelPath"/>, reads its contract and opens a session with <paramref name="factory"/>.</summary>
    /// <param name="modelPath">The .onnx file.</param>
    /// <param name="factory">Chooses the execution provider.</param>
    /// <param name="options">Thresholds and clustering; PeopleNet's DeepStream config when null.</param>
    /// <param name="labelsPath">An explicit labels file, or null for the sibling file or person, bag, face.</param>
    /// <exception cref="ModelContractException">The file is missing, is not ONNX, or breaks the detector contract.</exception>
    public PeopleNetDetector(string modelPath, InferenceSessionFactory factory, DetectorOptions? options = null, string? labelsPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        ArgumentNullException.ThrowIfNull(factory);
        Contract = DetectorContractReader.Read(modelPath, labelsPath);
        decoder = new DetectNetV2Decoder(Contract, options ?? new DetectorOptions());
        Name = Path.GetFileName(modelPath);
        var batched = Contract.FixedBatch is null
            ? new Dictionary<string, long[]> { [Contract.InputName] = [3, Contract.Height, Contract.Width] }
            : null;
        session = factory.Create(modelPath, batched);
        preprocessor = new FramePreprocessor(Contract.Height, Contract.Width, ResizeMode.Stretch);
        rgb = new byte[preprocessor.FrameBytes];
        inputNames = [Contract.InputName];
        outputNames = [Contract.CoverageName, Contract.BoxesName];
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>What the detector expects and returns, read from its graph.</summary>
    public DetectorContract Contract { get; }

    /// <summary>The execution provider the session actually runs on.</summary>
    public ExecutionProvider ActiveProvider => session.Provider;

    /// <summary>Loads a detector with the given inference options (default: TensorRT, CUDA, CPU).</summary>
    public static PeopleNetDetector Load(string modelPath, DetectorOptions? options = null, InferenceOptions? inference = null, ILogger? logger = null) =>
        new(modelPath, new InferenceSessionFactory(inference ?? new InferenceOptions(), logger), options);

    /// <inheritdoc/>
    public IReadOnlyList<PersonDetection> Detect(Mat frame) => DetectBatch([frame])[0];

    /// <summary>
    /// Detects in several frames with one ONNX Runtime run (one run per frame when the graph fixes the batch at 1),
    /// e.g. to measure what batching buys. Results are in the frames' order, each in its own frame's pixels.
    /// </summary>
    /// <exception cref="ArgumentException">A frame is empty or not 8-bit.</exception>
    public IReadOnlyList<IReadOnlyList<PersonDetection>> DetectBatch(IReadOnlyList<Mat> frames)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentNullException.ThrowIfNull(frames);
        var results = new IReadOnlyList<PersonDetection>[frames.Count];
        var step = Contract.FixedBatch ?? Math.Max(frames.Count, 1);
        for (var start = 0; start < frames.Count; start += step)
        {
            var count = Math.Min(step, frames.Count - start);
            var tensors = BuffersFor(count);
            for (var j = 0; j < count; j++)
            {
                Pack(frames[start + j], tensors.Input.AsSpan(j * Contract.InputElements, Contract.InputElements));
            }

            session.Session.Run(runOptions, inputNames, tensors.InputValues, outputNames, tensors.OutputValues);
            for (var j = 0; j < count; j++)
            {
                var frame = frames[start + j];
                results[start + j] = decoder.Decode(
                    tensors.Coverage.AsSpan(j * Contract.CoverageElements, Contract.CoverageElements),
                    tensors.Boxes.AsSpan(j * Contract.BoxElements, Contract.BoxElements),
                    frame.Width,
                    frame.Height);
            }
        }

        return results;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (var tensors in buffers.Values)
        {
            tensors.Dispose();
        }

        runOptions.Dispose();
        preprocessor.Dispose();
        session.Dispose();
    }

    // Resize and BGR -> RGB into the reused byte frame, then planar floats scaled as DeepStream's net-scale-factor.
    private void Pack(Mat frame, Span<float> destination)
    {
        preprocessor.Process(frame, rgb);
        var plane = Contract.Height * Contract.Width;
        var red = destination[..plane];
        var green = destination.Slice(plane, plane);
        var blue = destination.Slice(2 * plane, plane);
        for (var p = 0; p < plane; p++)
        {
            red[p] = rgb[3 * p] * NetScaleFactor;
            green[p] = rgb[(3 * p) + 1] * NetScaleFactor;
            blue[p] = rgb[(3 * p) + 2] * NetScaleFactor;
        }
    }

    private TensorBuffers BuffersFor(int batch)
    {
        if (!buffers.TryGetValue(batch, out var tensors))
        {
            tensors = new TensorBuffers(Contract, batch);
            buffers[batch] = tensors;
        }

        return tensors;
    }

    /// <summary>One batch size's pinned input and output arrays and the ONNX Runtime values over them.</summary>
    private sealed class TensorBuffers : IDisposable
    {
        public TensorBuffers(DetectorContract contract, int batch)
        {
            Input = GC.AllocateArray<float>(batch * contract.InputElements, pinned: true);
            Coverage = GC.AllocateArray<float>(batch * contract.CoverageElements, pinned: true);
            Boxes = GC.AllocateArray<float>(batch * contract.BoxElements, pinned: true);
            InputValues = [OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, Input.AsMemory(), [batch, 3, contract.Height, contract.Width])];
            OutputValues =
            [
                OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, Coverage.AsMemory(), [batch, contract.ClassCount, contract.GridHeight, contract.GridWidth]),
                OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, Boxes.AsMemory(), [batch, 4 * contract.ClassCount, contract.GridHeight, contract.GridWidth]),
            ];
        }

        public float[] Input { get; }

        public float[] Coverage { get; }

        public float[] Boxes { get; }

        public OrtValue[] InputValues { get; }

        public OrtValue[] OutputValues { get; }

        public void Dispose()
        {
            foreach (var value in InputValues.Concat(OutputValues))
            {
                value.Dispose();
            }
        }
    }
}
