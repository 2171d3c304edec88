using ActionNet.Inference.Contracts;
using ActionNet.Inference.Packing;
using ActionNet.Onnx;
using ActionNet.Vision.Clips;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ActionNet.Training;

/// <summary>
/// Runs a demo model's fixed feature extractor (<see cref="MotionFeatureModel.BuildFeatures"/>, RGB or optical
/// flow) in ONNX Runtime over clips packed by the project's <see cref="ClipPacker"/>, exactly as a served model sees them.
/// </summary>
public sealed class ClipFeatureExtractor : IDisposable
{
    private const int Batch = 32;
    private readonly InferenceSession _session;

    /// <summary>Builds the extractor for <paramref name="input"/> clips of T x H x W.</summary>
    public ClipFeatureExtractor(ModelInputs input, int frames, int height, int width)
    {
        Input = input == ModelInputs.Flow
            ? new ModelInputSpec("input_of", FrameKind.Flow, TensorLayout.Packed2D, 2, frames, height, width)
            : new ModelInputSpec("input_rgb", FrameKind.Rgb, TensorLayout.Packed2D, 3, frames, height, width);
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _session = new InferenceSession(MotionFeatureModel.BuildFeatures(input, frames, height, width).ToBytes(), options);
        FeatureCount = MotionFeatureModel.FeatureCount(input, frames);
    }

    /// <summary>The contract input the clips are packed for.</summary>
    public ModelInputSpec Input { get; }

    /// <summary>Features per clip.</summary>
    public int FeatureCount { get; }

    /// <summary>The features of every clip, in order.</summary>
    public float[][] Extract(IReadOnlyList<ClipFrames> clips)
    {
        ArgumentNullException.ThrowIfNull(clips);
        var result = new float[clips.Count][];
        for (var start = 0; start < clips.Count; start += Batch)
        {
            var count = Math.Min(Batch, clips.Count - start);
            var tensor = new DenseTensor<float>(ClipPacker.ShapeOf(Input, count).Select(d => (int)d).ToArray());
            for (var i = 0; i < count; i++)
            {
                ClipPacker.Pack(clips[start + i], Input, tensor.Buffer.Span.Slice(i * Input.ElementsPerClip, Input.ElementsPerClip));
            }

            using var outputs = _session.Run([NamedOnnxValue.CreateFromTensor(Input.Name, tensor)]);
            var features = outputs[0].AsTensor<float>().ToArray();
            for (var i = 0; i < count; i++)
            {
                result[start + i] = features.AsSpan(i * FeatureCount, FeatureCount).ToArray();
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public void Dispose() => _session.Dispose();
}
