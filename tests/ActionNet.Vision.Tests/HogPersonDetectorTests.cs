using ActionNet.Vision.Detection;
using ActionNet.Vision.Synthetic;
using OpenCvSharp;

namespace ActionNet.Vision.Tests;

/// <summary>
/// OpenCV's default HOG people detector on the project's synthetic scenes. It does see these stick figures, not
/// always: on walk and run scenes it found about a third of the people in 320x240 frames as they are, and about half
/// in 160x120 frames upscaled twice (see the README); these tests use a walker it finds.
/// </summary>
public sealed class HogPersonDetectorTests
{
    // Walk scene 2: one walker, about 130 of 240 pixels tall.
    private static readonly SceneSpec Walker = new("walk", 2, Frames: 48, Width: 320, Height: 240);

    [Fact]
    public void TheDefaultPeopleDetectorFindsTheWalkerInA320By240SceneInSourcePixels()
    {
        var (frame, people) = SceneFigures.Render(Walker, 0);
        using var _ = frame;
        using var detector = new HogPersonDetector();

        var detections = detector.Detect(frame);

        var person = Assert.Single(people);
        var detection = Assert.Single(detections);
        AssertFramesThePerson(person, detection, frame);
        Assert.Equal("hog", detector.Name);
    }

    [Fact]
    public void AFrameWhosePeopleAreShorterThanTheWindowNeedsTheUpscaleOption()
    {
        var (frame, people) = SceneFigures.Render(Walker with { Width = 160, Height = 120 }, 0);
        using var _ = frame;
        using var asItIs = new HogPersonDetector();
        using var upscaled = new HogPersonDetector(new HogDetectorOptions { MinPersonHeight = 64 });

        var missed = asItIs.Detect(frame);
        var found = upscaled.Detect(frame);

        var person = Assert.Single(people);
        Assert.InRange(person.Height, 60, 70);
        Assert.Empty(missed);
        Assert.Equal(2, upscaled.Upscale);
        AssertFramesThePerson(person, Assert.Single(found), frame);
    }

    [Fact]
    public void ConfidenceIsTheLogisticOfTheSvmMarginAndMarginItsInverse()
    {
        Assert.Equal(0.5f, HogPersonDetector.Confidence(0));
        Assert.Equal(0.7310586f, HogPersonDetector.Confidence(1), 6);
        Assert.Equal(0.9525741f, HogPersonDetector.Confidence(3), 6);
        Assert.True(HogPersonDetector.Confidence(-1) < 0.5f);
        Assert.Equal(0, HogPersonDetector.Margin(0.5), 12);
        Assert.Equal(3, HogPersonDetector.Margin(HogPersonDetector.Confidence(3)), 5);
    }

    [Fact]
    public void ACustomSvmRunsWithItsOwnWindowAndCoefficientsOfAnotherWindowAreRefused()
    {
        var (frame, _) = SceneFigures.Render(Walker, 0);
        using var _ = frame;
        using var daimler = new HogPersonDetector(HOGDescriptor.GetDaimlerPeopleDetector(), new Size(48, 96), name: "daimler");

        var detections = daimler.Detect(frame);
        var error = Assert.Throws<ArgumentException>(() => new HogPersonDetector(HOGDescriptor.GetDaimlerPeopleDetector(), new Size(64, 128)));

        Assert.Equal(("daimler", new Size(48, 96)), (daimler.Name, daimler.Window));
        Assert.All(detections, d => AssertInside(d.Box, frame));
        Assert.Contains("found 1981; expected 3781", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFrameSmallerThanTheWindowHasNoDetections()
    {
        using var frame = new Mat(100, 60, MatType.CV_8UC3, Scalar.Gray);
        using var detector = new HogPersonDetector();

        Assert.Empty(detector.Detect(frame));
    }

    [Fact]
    public void InvalidOptionsAreRefusedNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new HogPersonDetector(new HogDetectorOptions { WindowStride = 12, MinPersonHeight = -1 }));

        Assert.Contains("WindowStride is 12; expected a positive multiple of 8", error.Message, StringComparison.Ordinal);
        Assert.Contains("MinPersonHeight is -1", error.Message, StringComparison.Ordinal);
    }

    // HOG's window keeps a margin around the person, so the box is larger than the figure: it must hold the figure's
    // centre and overlap it well, and lie inside the frame.
    private static void AssertFramesThePerson(PixelBox person, PersonDetection detection, Mat frame)
    {
        Assert.Equal(PersonDetection.Person, detection.ClassName);
        Assert.InRange(detection.Confidence, 0.5f, 1f);
        AssertInside(detection.Box, frame);
        Assert.InRange(person.CenterX, detection.Box.X1, detection.Box.X2);
        Assert.InRange(person.CenterY, detection.Box.Y1, detection.Box.Y2);
        Assert.True(person.IoU(detection.Box) >= 0.45, $"person {person}, detection {detection.Box}: IoU {person.IoU(detection.Box):F2}");
    }

    private static void AssertInside(PixelBox box, Mat frame)
    {
        Assert.InRange(box.X1, 0, frame.Width);
        Assert.InRange(box.X2, box.X1, frame.Width);
        Assert.InRange(box.Y1, 0, frame.Height);
        Assert.InRange(box.Y2, box.Y1, frame.Height);
    }
}
