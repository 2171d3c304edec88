using OpenCvSharp;

namespace ActionNet.Vision.Detection;

/// <summary>
/// People found by OpenCV's HOG + linear SVM sliding-window detector (<c>HOGDescriptor::detectMultiScale</c>): by
/// default OpenCV's built-in people detector (Dalal and Triggs, trained on INRIA persons, 64x128 window), or any SVM
/// with its window size, such as one trained by this project. Boxes come back in source pixels, clipped to the frame.
/// <para>
/// Confidence: OpenCV reports each box's SVM margin w·x + b (after grouping, the largest margin in the group), an
/// unbounded score that is 0 on the decision boundary. It is mapped to 0..1 by the logistic function
/// 1 / (1 + e^-margin): 0.5 on the boundary, 0.73 at a margin of 1 (the SVM's support vectors), 0.95 at 3. This is
/// a monotone squashing, not a calibrated probability.
/// </para>
/// One instance per stream, used by one thread at a time (the upscaling buffer is reused).
/// </summary>
public sealed class HogPersonDetector : IPersonDetector
{
    private readonly HOGDescriptor hog;
    private readonly HogDetectorOptions options;
    private readonly Mat scaled = new();
    private readonly Mat bgr = new();

    /// <summary>OpenCV's default people detector (64x128 window).</summary>
    public HogPersonDetector(HogDetectorOptions? options = null)
        : this(HOGDescriptor.GetDefaultPeopleDetector(), new Size(64, 128), options, "hog")
    {
    }

    /// <summary>
    /// A detector from linear SVM coefficients (HOG descriptor weights, then the bias, as OpenCV's
    /// <c>setSVMDetector</c> takes them) for a window of <paramref name="window"/> pixels, with OpenCV's standard HOG
    /// layout: 16x16 blocks, 8x8 block stride and cells, 9 bins.
    /// </summary>
    /// <exception cref="ArgumentException">The coefficients do not fit the window, or the options are invalid.</exception>
    public HogPersonDetector(float[] svmCoefficients, Size window, HogDetectorOptions? options = null, string name = "hog-custom")
    {
        ArgumentNullException.ThrowIfNull(svmCoefficients);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        this.options = options ?? new HogDetectorOptions();
        var errors = this.options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"HOG detector options are invalid: {string.Join("; ", errors)}", nameof(options));
        }

        if (window.Width < 16 || window.Height < 16 || window.Width % 8 != 0 || window.Height % 8 != 0)
        {
            throw new ArgumentException($"a HOG window of {window.Width}x{window.Height} is not usable: expected multiples of 8 pixels, at least 16", nameof(window));
        }

        hog = new HOGDescriptor(window, new Size(16, 16), new Size(8, 8), new Size(8, 8));
        var expected = (int)hog.GetDescriptorSize() + 1;
        if (svmCoefficients.Length != expected)
        {
            hog.Dispose();
            throw new ArgumentException(
                $"SVM coefficients do not fit a {window.Width}x{window.Height} HOG window: found {svmCoefficients.Length}; expected {expected} (the descriptor's {expected - 1} weights and the bias)",
                nameof(svmCoefficients));
        }

        hog.SetSVMDetector(svmCoefficients);
        Window = window;
        Name = name;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The detection window in pixels.</summary>
    public Size Window { get; }

    /// <summary>The factor a frame is upscaled by before detection: window height / <see cref="HogDetectorOptions.MinPersonHeight"/>, at least 1.</summary>
    public double Upscale => options.MinPersonHeight > 0 ? Math.Max(1, (double)Window.Height / options.MinPersonHeight) : 1;

    /// <summary>The logistic map from an SVM margin to a confidence in 0..1 (see the class remarks).</summary>
    public static float Confidence(double margin) => (float)(1 / (1 + Math.Exp(-margin)));

    /// <summary>The SVM margin whose <see cref="Confidence(double)"/> is <paramref name="confidence"/>: ln(p / (1 - p)), e.g. for a hit threshold.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not strictly between 0 and 1.</exception>
    public static double Margin(double confidence)
    {
        if (!(confidence is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "a confidence strictly between 0 and 1 has a margin");
        }

        return Math.Log(confidence / (1 - confidence));
    }

    /// <inheritdoc/>
    public IReadOnlyList<PersonDetection> Detect(Mat frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Empty() || frame.Depth() != MatType.CV_8U || frame.Channels() is not (1 or 3 or 4))
        {
            throw new ArgumentException("the frame must be a non-empty 8-bit gray, BGR or BGRA image", nameof(frame));
        }

        var image = frame;
        if (frame.Channels() == 4)
        {
            Cv2.CvtColor(frame, bgr, ColorConversionCodes.BGRA2BGR);
            image = bgr;
        }

        var factor = Upscale;
        if (factor > 1)
        {
            Cv2.Resize(image, scaled, new Size(0, 0), factor, factor, InterpolationFlags.Linear);
            image = scaled;
        }

        if (image.Width < Window.Width || image.Height < Window.Height)
        {
            return [];
        }

        var rects = hog.DetectMultiScale(
            image,
            out var margins,
            options.HitThreshold,
            new Size(options.WindowStride, options.WindowStride),
            new Size(options.Padding, options.Padding),
            options.PyramidScale,
            options.GroupThreshold);
        var detections = new List<PersonDetection>(rects.Length);
        for (var i = 0; i < rects.Length; i++)
        {
            var r = rects[i];
            var box = new PixelBox(r.Left, r.Top, r.Right, r.Bottom).Scale((float)(1 / factor), (float)(1 / factor)).ClipTo(frame.Width, frame.Height);
            if (!box.IsEmpty)
            {
                detections.Add(new PersonDetection(PersonDetection.Person, Confidence(margins[i]), box));
            }
        }

        return detections;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        hog.Dispose();
        scaled.Dispose();
        bgr.Dispose();
    }
}
