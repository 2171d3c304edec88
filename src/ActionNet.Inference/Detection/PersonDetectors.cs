using ActionNet.Inference.Contracts;
using ActionNet.Inference.Execution;
using ActionNet.Vision.Detection;

namespace ActionNet.Inference.Detection;

/// <summary>
/// Turns a detector spec, as a user writes it on the command line or in a silo's configuration, into an
/// <see cref="IPersonDetector"/>: <c>hog</c> is OpenCV's HOG people detector (<see cref="HogPersonDetector"/>), a path
/// to an <c>.onnx</c> file is a PeopleNet-contract detector (<see cref="PeopleNetDetector"/>, contract read from the
/// graph, session on the factory's providers).
/// </summary>
public static class PersonDetectors
{
    /// <summary>The spec of OpenCV's HOG people detector.</summary>
    public const string Hog = "hog";

    /// <summary>Creates the detector <paramref name="spec"/> names.</summary>
    /// <param name="spec"><c>hog</c>, or the path of a PeopleNet-contract .onnx file.</param>
    /// <param name="factory">Opens ONNX sessions (TensorRT, CUDA, CPU by default).</param>
    /// <param name="detection">Thresholds and clustering of an ONNX detector; PeopleNet's DeepStream config when null.</param>
    /// <param name="hog">Options of the HOG detector; OpenCV's defaults when null.</param>
    /// <param name="labelsPath">An ONNX detector's labels file; null for the sibling file or person, bag, face.</param>
    /// <exception cref="ArgumentException"><paramref name="spec"/> is neither <c>hog</c> nor an .onnx path.</exception>
    /// <exception cref="ModelContractException">The .onnx file is missing, is not ONNX, or breaks the detector contract.</exception>
    public static IPersonDetector Create(string spec, InferenceSessionFactory factory, DetectorOptions? detection = null, HogDetectorOptions? hog = null, string? labelsPath = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(factory);
        if (string.Equals(spec.Trim(), Hog, StringComparison.OrdinalIgnoreCase))
        {
            return new HogPersonDetector(hog);
        }

        if (spec.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) || File.Exists(spec))
        {
            return new PeopleNetDetector(spec, factory, detection, labelsPath);
        }

        throw new ArgumentException($"unknown detector '{spec}': expected hog or the path of a PeopleNet-contract .onnx file", nameof(spec));
    }
}
