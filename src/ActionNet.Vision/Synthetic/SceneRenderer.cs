using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>
/// Renders the frames of one <see cref="SceneSpec"/>: a cluttered background (gradient, boxes, poles,
/// blobs), the action's articulated people, then the camera: lighting gain, offset and tint, and
/// per-frame sensor noise. Every random choice comes from the spec's seed, and frame i's noise from
/// (seed, i), so any frame can be rendered on its own and always gives the same pixels (BGR).
/// Not thread-safe.
/// </summary>
public sealed class SceneRenderer : IDisposable
{
    private readonly Mat _background;
    private readonly List<ISceneActor> _actors = [];
    private readonly double _gain;
    private readonly Scalar _offset;
    private readonly double _noise;
    private readonly short[] _noiseBuffer;
    private readonly byte[] _noiseBytes;

    /// <summary>Plans the scene of <paramref name="spec"/>.</summary>
    public SceneRenderer(SceneSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Spec = spec;
        var random = new Random(SceneSeed(spec));
        _background = new Mat(spec.Height, spec.Width, MatType.CV_8UC3);
        PaintBackground(_background, random);
        _gain = SceneLayout.Between(random, 0.65, 1.25);
        _offset = new Scalar(random.Next(-25, 26), random.Next(-25, 26), random.Next(-25, 26));
        _noise = SceneLayout.Between(random, 0, 6);
        _noiseBuffer = new short[spec.Width * spec.Height * 3];
        _noiseBytes = new byte[_noiseBuffer.Length];
        var zoom = SceneLayout.Between(random, 0.8, 1.15);
        switch (spec.Action)
        {
            case "walk":
            case "run":
                var running = spec.Action == "run";
                _actors.Add(new GaitActor(random, spec, running, SceneLayout.Random(random, spec.Width, spec.Height, zoom)));
                if (random.NextDouble() < 0.3)
                {
                    _actors.Add(new GaitActor(random, spec, running, SceneLayout.Random(random, spec.Width, spec.Height, zoom)));
                }

                break;
            case "fall_floor":
                _actors.Add(new FallActor(random, spec, SceneLayout.Random(random, spec.Width, spec.Height, zoom)));
                break;
            case "push":
                _actors.Add(new PushActors(random, spec, SceneLayout.Random(random, spec.Width, spec.Height, zoom)));
                break;
            default:
                _actors.Add(new BikeActor(random, spec, SceneLayout.Random(random, spec.Width, spec.Height, zoom)));
                if (random.NextDouble() < 0.2)
                {
                    _actors.Add(new BikeActor(random, spec, SceneLayout.Random(random, spec.Width, spec.Height, zoom)));
                }

                break;
        }

        // Nearer people (lower ground line) are drawn last, over the further ones.
        _actors.Reverse();
    }

    /// <summary>The scene rendered.</summary>
    public SceneSpec Spec { get; }

    /// <summary>Renders frame <paramref name="index"/> into <paramref name="destination"/> (re-created as H x W BGR).</summary>
    public unsafe void Render(int index, Mat destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        _background.CopyTo(destination);
        var seconds = index / Spec.Fps;
        foreach (var actor in _actors)
        {
            actor.Draw(destination, seconds);
        }

        destination.ConvertTo(destination, MatType.CV_8UC3, _gain);
        Cv2.Add(destination, _offset, destination);
        if (_noise <= 0.05)
        {
            return;
        }

        // Uniform noise of the scene's strength from frame i's own seed, so any frame renders on its own.
        new Random(unchecked((SceneSeed(Spec) * 31) + (index * 65537))).NextBytes(_noiseBytes);
        var scale = _noise * 1.7 / 127.5;
        for (var i = 0; i < _noiseBuffer.Length; i++)
        {
            _noiseBuffer[i] = (short)Math.Round((_noiseBytes[i] - 127.5) * scale);
        }

        var pixels = (byte*)destination.Data;
        for (var i = 0; i < _noiseBuffer.Length; i++)
        {
            pixels[i] = (byte)Math.Clamp(pixels[i] + _noiseBuffer[i], 0, 255);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _background.Dispose();

    /// <summary>The seed of a scene's random choices: stable across runs (no string hash randomisation).</summary>
    private static int SceneSeed(SceneSpec spec) => unchecked((spec.Seed * 7919) + (SyntheticVideo.Actions.ToList().IndexOf(spec.Action) * 104729) + 17);

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
