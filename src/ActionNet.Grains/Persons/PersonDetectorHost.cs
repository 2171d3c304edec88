using ActionNet.Inference.Detection;
using ActionNet.Inference.Execution;
using ActionNet.Vision.Detection;

namespace ActionNet.Grains.Persons;

/// <summary>
/// Gives each camera in person mode its own detector for its detector profile: OpenCV's HOG detector, or a
/// PeopleNet-contract ONNX model on this silo's execution providers (TensorRT, CUDA, CPU; contract read from the
/// graph). A detector keeps per-stream state and is used by the camera's reader thread only; the camera disposes it.
/// </summary>
public sealed class PersonDetectorHost(InferenceSessionFactory sessions)
{
    /// <summary>
    /// Throws a one-line error when <paramref name="profile"/>'s detector cannot run: an ONNX model that is missing or
    /// breaks the PeopleNet contract (read from its graph, no session opened), or a spec that names no detector.
    /// </summary>
    /// <exception cref="ActionNet.Inference.Contracts.ModelContractException">The ONNX model breaks the detector contract.</exception>
    /// <exception cref="ArgumentException">The profile names no known kind of detector.</exception>
    public static void Check(DetectorProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Model.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            DetectorContractReader.Read(profile.Model, profile.Labels);
        }
        else if (!profile.IsHog && !File.Exists(profile.Model))
        {
            throw new ArgumentException($"detector profile '{profile.Name}': model '{profile.Model}' is neither hog nor an existing file");
        }
    }

    /// <summary>A new detector for <paramref name="profile"/>.</summary>
    /// <exception cref="ActionNet.Inference.Contracts.ModelContractException">The profile's ONNX model is missing or breaks the detector contract.</exception>
    /// <exception cref="ArgumentException">The profile names neither hog nor an ONNX or trained-HOG file.</exception>
    public IPersonDetector Create(DetectorProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return PersonDetectors.Create(profile.Model, sessions, labelsPath: profile.Labels);
    }
}
