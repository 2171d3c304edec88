using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>
/// A rider seated on a bicycle (two spoked wheels, frame, saddle, handlebar) crossing the scene on a
/// wrap-around path; the wheels turn with the distance covered and the feet pedal round the crank.
/// </summary>
internal sealed class BikeActor : ISceneActor
{
    private readonly FigureStyle _style;
    private readonly Scalar _frameColour;
    private readonly SceneLayout _layout;
    private readonly int _facing;
    private readonly int _width;
    private readonly double _startX;
    private readonly double _speed;
    private readonly double _lean;
    private readonly double _gear;

    public BikeActor(Random random, SceneSpec spec, SceneLayout layout)
    {
        _layout = layout;
        _style = FigureStyle.Random(random);
        _frameColour = new Scalar(random.Next(256), random.Next(256), random.Next(256));
        _facing = random.Next(2) == 0 ? 1 : -1;
        _width = spec.Width;
        _startX = random.NextDouble() * spec.Width;
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
    }

    public void Draw(Mat frame, double seconds)
    {
        var h = _layout.PersonHeight;
        var travelled = _speed * h * seconds;
        var x = _startX + (_facing * travelled);
        x = ((x % _width) + _width) % _width;
        foreach (var copy in (double[])[x - _width, x, x + _width])
        {
            DrawAt(frame, copy, travelled);
        }
    }

    private void DrawAt(Mat frame, double centreX, double travelled)
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
        var thickness = Math.Max(1, (int)Math.Round(0.025 * h));
        foreach (var wheel in (Point2d[])[rear, front])
        {
            Cv2.Circle(frame, Pixel(wheel), Math.Max(2, (int)Math.Round(radius)), new Scalar(25, 25, 25), thickness + 1, LineTypes.AntiAlias);
            for (var spoke = 0; spoke < 3; spoke++)
            {
                var angle = (_facing * rotation) + (spoke * Math.PI / 3);
                var (sin, cos) = Math.SinCos(angle);
                Cv2.Line(frame, Pixel(new Point2d(wheel.X - (radius * cos), wheel.Y - (radius * sin))), Pixel(new Point2d(wheel.X + (radius * cos), wheel.Y + (radius * sin))), new Scalar(90, 90, 90), 1, LineTypes.AntiAlias);
            }
        }

        foreach (var (from, to) in (ValueTuple<Point2d, Point2d>[])[(rear, crank), (crank, seat), (seat, rear), (crank, bar), (bar, front), (seat, bar)])
        {
            Cv2.Line(frame, Pixel(from), Pixel(to), _frameColour, thickness + 1, LineTypes.AntiAlias);
        }

        var crankAngle = _facing * rotation / _gear;
        var (s, c) = Math.SinCos(crankAngle);
        var pedal = 0.1 * h;
        var near = new Point2d(crank.X + (pedal * c), crank.Y + (pedal * s));
        var far = new Point2d(crank.X - (pedal * c), crank.Y - (pedal * s));
        var joints = StickFigure.Seated(seat, near, far, bar, h, _facing, _lean);
        StickFigure.Draw(frame, joints, _style, h);
    }

    private static Point Pixel(Point2d p) => new((int)Math.Round(p.X), (int)Math.Round(p.Y));
}
