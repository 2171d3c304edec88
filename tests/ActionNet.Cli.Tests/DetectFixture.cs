using ActionNet.Cli.Tests.Support;
using ActionNet.Onnx;
using ActionNet.Vision.Synthetic;
using OpenCvSharp;

namespace ActionNet.Cli.Tests;

/// <summary>
/// Inputs for <c>actionnet detect</c>: a small probe detector (160x96 network, 10x6 grid), a clip folder whose first
/// frame has a painted block the probe reports exactly, a synthetic walker video and PNG frame HOG finds, and bad inputs.
/// </summary>
public sealed class DetectFixture : IDisposable
{
    /// <summary>The probe's network width.</summary>
    public const int NetworkWidth = 160;

    /// <summary>The probe's network height.</summary>
    public const int NetworkHeight = 96;

    /// <summary>Source frames are this many times the network on x.</summary>
    public const int ScaleX = 2;

    /// <summary>Source frames are this many times the network on y.</summary>
    public const int ScaleY = 3;

    /// <summary>The painted cell's grid row.</summary>
    public const int Row = 3;

    /// <summary>The painted cell's grid column.</summary>
    public const int Column = 4;

    /// <summary>Green of the painted block (the probe's half-width is 70 * G / 255 network pixels).</summary>
    public const byte Green = 128;

    /// <summary>Blue of the painted block (the probe's half-height is 140 * B / 255 network pixels).</summary>
    public const byte Blue = 64;

    private readonly TempFolder _folder = new();

    /// <summary>Writes the inputs.</summary>
    public DetectFixture()
    {
        Probe = DetectorGenerator.Write(new DetectorSpec(DetectorArchitecture.Probe, NetworkHeight, NetworkWidth), _folder.Combine("probe.onnx")).OnnxPath;
        ActionModel = TestInputs.Model(_folder.Path, "probe-2d-rgb");

        Clip = _folder.Combine("painted-clip");
        Directory.CreateDirectory(Path.Combine(Clip, "rgb"));
        using (var painted = new Mat(NetworkHeight * ScaleY, NetworkWidth * ScaleX, MatType.CV_8UC3, Scalar.Black))
        using (var blank = new Mat(NetworkHeight * ScaleY, NetworkWidth * ScaleX, MatType.CV_8UC3, Scalar.Black))
        {
            painted.Rectangle(new Rect(16 * Column * ScaleX, 16 * Row * ScaleY, 16 * ScaleX, 16 * ScaleY), new Scalar(Blue, Green, 255), -1);
            Cv2.ImWrite(Path.Combine(Clip, "rgb", "1.png"), painted);
            Cv2.ImWrite(Path.Combine(Clip, "rgb", "2.png"), blank);
        }

        // Walk scene 2 at 320x240: a walker OpenCV's default HOG people detector finds (see HogPersonDetectorTests).
        WalkerVideo = _folder.Combine("walker.mp4");
        SyntheticVideo.Write(WalkerVideo, new SceneSpec("walk", 2, Frames: 12, Width: 320, Height: 240));
        NotAVideo = _folder.Combine("notes.mp4");
        File.WriteAllText(NotAVideo, "not a video\n");
        Directory.CreateDirectory(_folder.Combine("empty-clip", "rgb"));
    }

    /// <summary>The probe detector.</summary>
    public string Probe { get; }

    /// <summary>An ActionRecognitionNet model, the wrong kind of model for --detector.</summary>
    public string ActionModel { get; }

    /// <summary>A clip folder: rgb/1.png painted, rgb/2.png black, both 320x288.</summary>
    public string Clip { get; }

    /// <summary>12 frames of a synthetic walker, 320x240.</summary>
    public string WalkerVideo { get; }

    /// <summary>A text file named .mp4.</summary>
    public string NotAVideo { get; }

    /// <summary>A path inside the fixture's temp folder.</summary>
    public string Combine(params string[] parts) => _folder.Combine(parts);

    /// <inheritdoc/>
    public void Dispose() => _folder.Dispose();
}
