using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>
/// A rider seated on a bicycle (two spoked wheels, frame, saddle, handlebar) crossing the scene on a
/// wrap-around path or on one pass; the wheels turn with the distance covered and the feet pedal round the
/// crank. The rider is the person; the bicycle is not part of the person's figure.
/// </summary>
internal sealed class BikeActor : ISceneActor
{
    private readonly FigureStyle _style;
    private readonly Scalar _frameColour;
    private readonly SceneLayout _layout;
    private readonly int _facing;
    private readonly TravelPath _path;
    private readonly double _speed;
    private readonly double _lean;
    private readonly double _gear;

    /// <summary>Plans the rider; <paramref name="centreAt"/> makes its path one pass that reaches the frame's centre that many seconds into the scene, instead of a wrap-around.</summary>
    public BikeActor(Random random, SceneSpec spec, SceneLayout layout, double? centreAt = null)
    {
        _layout = layout;
        _style = FigureStyle.Random(random);
        _frameColour = new Scalar(random.Next(256), random.Next(256), random.Next(256));
        _facing = random.Next(2) == 0 ? 1 : -1;
        var startX = random.NextDouble() * spec.Width;
        _lean = SceneLayout.Between(random, 0.25, 0.5);
        _gear = SceneLayout.Between(random, 1.8, 2.6);
        var speed = SceneLayout.Between(random, 1.6, 3.2);
        if (spec.Loop)
        {
            var seconds = spec.Frames / spec.Fps;
            var laps = Math.Max(1, Math.Round(speed * layout.PersonHeight * seconds / spec.Width));
            speed = laps * spec.Width / (layout.PersonHeight * seconds);
        }

        _speed = speed;
        _path = centreAt is { } centre
            ? TravelPath.Pass(spec.Width, _facing, speed * layout.PersonHeight, centre)
            : new TravelPath(startX, spec.Width, Wraps: true);
    }

    public int People => 1;

    public void Draw(Mat frame, double seconds)
    {
        var travelled = _speed * _layout.PersonHeight * seconds;
        foreach (var copy in _path.Centres(_facing, travelled))
        {
            var rig = Rig(copy, travelled);
            DrawBike(frame, rig);
            StickFigure.Draw(frame, rig.Rider, _style, _layout.PersonHeight);
        }
    }

    public IReadOnlyList<PlacedFigure> Figures(double seconds)
    {
        var travelled = _speed * _layout.PersonHeight * seconds;
        return [.. _path.Centres(_facing, travelled).Select(copy => new PlacedFigure(0, Rig(copy, travelled).Rider, _style, _layout.PersonHeight))];
    }

    private static Point Pixel(Point2d p) => new((int)Math.Round(p.X), (int)Math.Round(p.Y));

    /// <summary>Where the bicycle's parts and the rider's joints are with the bicycle centred at <paramref name="centreX"/>.</summary>
    private BikeRig Rig(double centreX, double travelled)
    {
        var h = _layout.PersonHeight;
        var radius = 0.19 * h;
        var wheelY = _layout.GroundY - radius;
        var rear = new Point2d(centreX - (_facing * 0.3 * h), wheelY);
        var front = new Point2d(centreX + (_facing * 0.3 * h), wheelY);
        var crank = new Point2d(centreX - (_facing * 0.02 * h), wheelY + (0.02 * h));
        var seat = new Point2d(centreX - (_facing * 0.12 * h), wheelY - (0.42 * h));
        var bar = new Point2d(centreX + (_facing * 0.22 * h), wheelY - (0.45 * h));
        var rotation = travelled / radius;
        var crankAngle = _facing * rotation / _gear;
        var (s, c) = Math.SinCos(crankAngle);
        var pedal = 0.1 * h;
        var near = new Point2d(crank.X + (pedal * c), crank.Y + (pedal * s));
        var far = new Point2d(crank.X - (pedal * c), crank.Y - (pedal * s));
        var rider = StickFigure.Seated(seat, near, far, bar, h, _facing, _lean);
        return new BikeRig(rear, front, crank, seat, bar, radius, rotation, rider);
    }

    private void DrawBike(Mat frame, BikeRig rig)
    {
        var radius = rig.Radius;
        var thickness = Math.Max(1, (int)Math.Round(0.025 * _layout.PersonHeight));
        foreach (var wheel in (Point2d[])[rig.Rear, rig.Front])
        {
            Cv2.Circle(frame, Pixel(wheel), Math.Max(2, (int)Math.Round(radius)), new Scalar(25, 25, 25), thickness + 1, LineTypes.AntiAlias);
            for (var spoke = 0; spoke < 3; spoke++)
            {
                var angle = (_facing * rig.Rotation) + (spoke * Math.PI / 3);
                var (sin, cos) = Math.SinCos(angle);
                Cv2.Line(frame, Pixel(new Point2d(wheel.X - (radius * cos), wheel.Y - (radius * sin))), Pixel(new Point2d(wheel.X + (radius * cos), wheel.Y + (radius * sin))), new Scalar(90, 90, 90), 1, LineTypes.AntiAlias);
            }
        }

        foreach (var (from, to) in (ValueTuple<Point2d, Point2d>[])[(rig.Rear, rig.Crank), (rig.Crank, rig.Seat), (rig.Seat, rig.Rear), (rig.Crank, rig.Bar), (rig.Bar, rig.Front), (rig.Seat, rig.Bar)])
        {
            Cv2.Line(frame, Pixel(from), Pixel(to), _frameColour, thickness + 1, LineTypes.AntiAlias);
        }
    }

    /// <summary>A bicycle's wheel centres, crank, saddle and handlebar (pixels), wheel radius, wheel turn (radians) and its rider.</summary>
    private readonly record struct BikeRig(Point2d Rear, Point2d Front, Point2d Crank, Point2d Seat, Point2d Bar, double Radius, double Rotation, FigureJoints Rider);
}
