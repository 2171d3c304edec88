using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>
/// What every synthetic scene shares apart from its people: a cluttered background (gradient, boxes, poles,
/// blobs) and the camera that films it (lighting gain, offset and tint, then per-frame sensor noise). Drawn
/// from the scene's random sequence in a fixed order, so a renderer that makes its own choices afterwards
/// keeps its pixels. Not thread-safe.
/// </summary>
internal sealed class SceneCamera : IDisposable
{
    private readonly Mat _background;
    private readonly double _gain;
    private readonly Scalar _offset;
    private readonly double _noise;
    private readonly int _noiseSeed;
    private readonly short[] _noiseBuffer;
    private readonly byte[] _noiseBytes;

    /// <summary>Paints the background and picks the lighting and noise strength from <paramref name="random"/>; frame i's noise comes from (<paramref name="noiseSeed"/>, i).</summary>
    public SceneCamera(Random random, int width, int height, int noiseSeed)
    {
        _background = new Mat(height, width, MatType.CV_8UC3);
        PaintBackground(_background, random);
        _gain = SceneLayout.Between(random, 0.65, 1.25);
        _offset = new Scalar(random.Next(-25, 26), random.Next(-25, 26), random.Next(-25, 26));
        _noise = SceneLayout.Between(random, 0, 6);
        _noiseSeed = noiseSeed;
        _noiseBuffer = new short[width * height * 3];
        _noiseBytes = new byte[_noiseBuffer.Length];
    }

    /// <summary>Starts a frame: the background into <paramref name="destination"/> (re-created as H x W BGR).</summary>
    public void Begin(Mat destination) => _background.CopyTo(destination);

    /// <summary>Films the drawn frame <paramref name="index"/>: lighting, then frame <paramref name="index"/>'s sensor noise.</summary>
    public unsafe void Expose(Mat frame, int index)
    {
        frame.ConvertTo(frame, MatType.CV_8UC3, _gain);
        Cv2.Add(frame, _offset, frame);
        if (_noise <= 0.05)
        {
            return;
        }

        // Uniform noise of the scene's strength from frame i's own seed, so any frame renders on its own.
        new Random(unchecked((_noiseSeed * 31) + (index * 65537))).NextBytes(_noiseBytes);
        var scale = _noise * 1.7 / 127.5;
        for (var i = 0; i < _noiseBuffer.Length; i++)
        {
            _noiseBuffer[i] = (short)Math.Round((_noiseBytes[i] - 127.5) * scale);
        }

        var pixels = (byte*)frame.Data;
        for (var i = 0; i < _noiseBuffer.Length; i++)
        {
            pixels[i] = (byte)Math.Clamp(pixels[i] + _noiseBuffer[i], 0, 255);
        }
    }

    /// <summary>A drawn colour as the camera renders it (lighting applied, before noise), BGR.</summary>
    public Scalar Film(Scalar colour) => new(Film(colour.Val0, _offset.Val0), Film(colour.Val1, _offset.Val1), Film(colour.Val2, _offset.Val2));

    /// <inheritdoc/>
    public void Dispose() => _background.Dispose();

    // As ConvertTo then Add do it: saturate(round(v * gain)), then saturate(v + offset).
    private double Film(double value, double offset) => Math.Clamp(Math.Clamp(Math.Round(value * _gain, MidpointRounding.ToEven), 0, 255) + offset, 0, 255);

    private static void PaintBackground(Mat background, Random random)
    {
        int w = background.Width, h = background.Height;
        var top = new Scalar(random.Next(40, 220), random.Next(40, 220), random.Next(40, 220));
        var floor = new Scalar(random.Next(30, 200), random.Next(30, 200), random.Next(30, 200));
        var horizon = (int)(h * SceneLayout.Between(random, 0.35, 0.6));
        for (var y = 0; y < h; y++)
        {
            var colour = y < horizon ? Mix(top, floor, 0.3 * y / horizon) : Mix(floor, top, 0.2 * (h - y) / (h - horizon + 1));
            Cv2.Line(background, new Point(0, y), new Point(w - 1, y), colour, 1);
        }

        var clutter = random.Next(5, 25);
        for (var i = 0; i < clutter; i++)
        {
            var colour = new Scalar(random.Next(256), random.Next(256), random.Next(256));
            switch (random.Next(3))
            {
                case 0:
                    var bw = random.Next(3, Math.Max(4, w / 4));
                    var bh = random.Next(3, Math.Max(4, h / 3));
                    Cv2.Rectangle(background, new Rect(random.Next(w), random.Next(horizon), bw, bh), colour, -1);
                    break;
                case 1:
                    var px = random.Next(w);
                    Cv2.Line(background, new Point(px, random.Next(horizon)), new Point(px, h), colour, random.Next(1, 4));
                    break;
                default:
                    Cv2.Circle(background, new Point(random.Next(w), random.Next(h)), random.Next(1, Math.Max(2, h / 10)), colour, -1);
                    break;
            }
        }

        Cv2.GaussianBlur(background, background, new Size(3, 3), 0);
    }

    private static Scalar Mix(Scalar a, Scalar b, double t) =>
        new(a.Val0 + ((b.Val0 - a.Val0) * t), a.Val1 + ((b.Val1 - a.Val1) * t), a.Val2 + ((b.Val2 - a.Val2) * t));
}
