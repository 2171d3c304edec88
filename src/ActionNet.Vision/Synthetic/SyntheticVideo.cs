using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>
/// Writes small generated videos for demos, tests and benchmarks: a textured background and a
/// figure whose motion depends on the action (walk slow, run fast, fall_floor drops, push shoves a
/// second block, ride_bike rolls a wheel), so clips of different classes differ in both colour and
/// motion. Deterministic for a given seed. Encoded as MPEG-4 Part 2 (MP4V), the encoder OpenCvSharp ships.
/// </summary>
public static class SyntheticVideo
{
    /// <summary>The actions the generator knows, in ActionRecognitionNet's label order.</summary>
    public static IReadOnlyList<string> Actions { get; } = ["push", "fall_floor", "walk", "run", "ride_bike"];

    /// <summary>Writes <paramref name="frames"/> frames of <paramref name="action"/> to <paramref name="path"/> (.mp4 or .avi).</summary>
    public static void Write(string path, string action, int frames = 64, int width = 320, int height = 240, double fps = 25, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frames);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 16);
        var kind = Actions.ToList().IndexOf(action);
        if (kind < 0)
        {
            throw new ArgumentException($"unknown synthetic action '{action}': expected one of {string.Join(", ", Actions)}", nameof(action));
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Lower-case "mp4v" is the tag the MP4 muxer accepts; upper-case MP4V makes FFmpeg warn and fall back to it.
        using var writer = new VideoWriter(path, FourCC.FromString("mp4v"), fps, new Size(width, height));
        if (!writer.IsOpened())
        {
            throw new IOException($"could not open '{path}' for writing an MP4V video");
        }

        var random = new Random(seed * 31 + kind);
        using var background = new Mat(height, width, MatType.CV_8UC3);
        PaintBackground(background, random);
        using var frame = new Mat(height, width, MatType.CV_8UC3);
        for (var i = 0; i < frames; i++)
        {
            background.CopyTo(frame);
            DrawAction(frame, kind, i / (double)Math.Max(1, frames - 1), random);
            writer.Write(frame);
        }
    }

    private static void PaintBackground(Mat background, Random random)
    {
        var baseColour = new Scalar(60 + random.Next(60), 60 + random.Next(60), 60 + random.Next(60));
        background.SetTo(baseColour);
        for (var i = 0; i < 40; i++)
        {
            var centre = new Point(random.Next(background.Width), random.Next(background.Height));
            var colour = new Scalar(random.Next(256), random.Next(256), random.Next(256));
            Cv2.Circle(background, centre, 2 + random.Next(12), colour, -1);
        }
    }

    private static void DrawAction(Mat frame, int kind, double progress, Random random)
    {
        int w = frame.Width, h = frame.Height;
        var body = new Size(Math.Max(4, w / 10), Math.Max(8, h / 3));
        var jitter = random.Next(-1, 2);
        switch (kind)
        {
            case 0: // push: a figure walks into a block and shoves it along
                var pusherX = (int)(w * (0.1 + 0.5 * progress));
                DrawFigure(frame, new Point(pusherX, h / 2 + jitter), body, new Scalar(40, 200, 240));
                var blockX = Math.Max(pusherX + body.Width, (int)(w * 0.45));
                Cv2.Rectangle(frame, new Rect(blockX, h / 2 - body.Height / 4, body.Width * 2, body.Height / 2), new Scalar(200, 80, 40), -1);
                break;
            case 1: // fall_floor: upright, then drops to the floor and lies there
                var fall = Math.Clamp((progress - 0.3) / 0.3, 0, 1);
                var size = fall < 1 ? body : new Size(body.Height, body.Width);
                DrawFigure(frame, new Point(w / 2, (int)(h * (0.4 + 0.45 * fall))), size, new Scalar(30, 30, 220));
                break;
            case 2: // walk: slow steady left-to-right
                DrawFigure(frame, new Point((int)(w * (0.2 + 0.4 * progress)), h / 2 + jitter), body, new Scalar(60, 220, 60));
                break;
            case 3: // run: fast, bobbing
                var runX = (int)(w * ((0.05 + 2.5 * progress) % 1.0));
                var bob = (int)(Math.Sin(progress * 40) * h / 20);
                DrawFigure(frame, new Point(runX, h / 2 + bob), body, new Scalar(220, 60, 220));
                break;
            default: // ride_bike: a figure on a rolling wheel
                var bikeX = (int)(w * (0.1 + 0.8 * progress));
                DrawFigure(frame, new Point(bikeX, h / 2 - body.Height / 4), new Size(body.Width, body.Height / 2), new Scalar(240, 240, 60));
                var radius = Math.Max(3, body.Height / 4);
                var centre = new Point(bikeX, h / 2 + radius);
                Cv2.Circle(frame, centre, radius, new Scalar(20, 20, 20), 2);
                var angle = progress * 30;
                Cv2.Line(frame, centre, new Point(centre.X + (int)(radius * Math.Cos(angle)), centre.Y + (int)(radius * Math.Sin(angle))), new Scalar(20, 20, 20), 2);
                break;
        }
    }

    private static void DrawFigure(Mat frame, Point centre, Size size, Scalar colour)
    {
        Cv2.Rectangle(frame, new Rect(centre.X - size.Width / 2, centre.Y - size.Height / 2, size.Width, size.Height), colour, -1);
        Cv2.Circle(frame, new Point(centre.X, centre.Y - size.Height / 2 - size.Width / 3), Math.Max(2, size.Width / 3), colour, -1);
    }
}
