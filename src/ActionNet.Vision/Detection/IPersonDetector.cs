using OpenCvSharp;

namespace ActionNet.Vision.Detection;

/// <summary>
/// Finds people in decoded frames. One instance per stream (an implementation may keep per-stream state),
/// used by one thread at a time.
/// </summary>
public interface IPersonDetector : IDisposable
{
    /// <summary>What the detector is, for logs and results, e.g. "hog" or "peoplenet.onnx".</summary>
    string Name { get; }

    /// <summary>
    /// The objects in <paramref name="frame"/> (8-bit BGR, any size), boxes in its pixels. Callers keep only
    /// <see cref="PersonDetection.Person"/> detections for tracking.
    /// </summary>
    IReadOnlyList<PersonDetection> Detect(Mat frame);
}
