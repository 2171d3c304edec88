using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>
/// Two people: one walks up to the other and shoves with both arms; the pushed one stumbles away
/// (leaning, flailing, staggering steps) and slows to a stop, while the pusher halts with arms out.
/// </summary>
internal sealed class PushActors : ISceneActor
{
    private readonly FigureStyle _pusherStyle;
    private readonly FigureStyle _pushedStyle;
    private readonly SceneLayout _layout;
    private readonly int _direction;
    private readonly int _pushedFacing;
    private readonly double _pushedStart;
    private readonly double _approachSpeed;
    private readonly double _contact;
    private readonly double _distance;
    private readonly double _settle;
    private readonly double _frequency;

    public PushActors(Random random, SceneSpec spec, SceneLayout layout)
    {
        _layout = layout;
        _pusherStyle = FigureStyle.Random(random);
        _pushedStyle = FigureStyle.Random(random);
        _direction = random.Next(2) == 0 ? 1 : -1;
        _pushedFacing = random.Next(2) == 0 ? -_direction : _direction;
        _approachSpeed = SceneLayout.Between(random, 0.7, 1.2);
        _contact = Math.Max(0.4, spec.Frames / spec.Fps * SceneLayout.Between(random, 0.25, 0.45));
        _distance = SceneLayout.Between(random, 0.9, 1.5);
        _settle = SceneLayout.Between(random, 0.25, 0.4);
        _frequency = SceneLayout.Between(random, 0.9, 1.3);

        // The pushed person ends inside the frame.
        var end = spec.Width * SceneLayout.Between(random, 0.7, 0.88);
        var finalX = _direction > 0 ? end : spec.Width - end;
        _pushedStart = finalX - (_direction * _distance * layout.PersonHeight);
    }

    public int People => 2;

    public void Draw(Mat frame, double seconds)
    {
        foreach (var figure in Figures(seconds))
        {
            StickFigure.Draw(frame, figure.Joints, figure.Style, figure.Height);
        }
    }

    public IReadOnlyList<PlacedFigure> Figures(double seconds)
    {
        var h = _layout.PersonHeight;
        var after = Math.Max(0, seconds - _contact);
        var shove = Math.Clamp((seconds - (_contact - 0.25)) / 0.25, 0, 1);

        // Pusher: walks in, arms come up before contact, stops just after it.
        var walked = seconds < _contact ? seconds : _contact + (0.1 * (1 - Math.Exp(-after / 0.1)));
        var pusherX = _pushedStart - (_direction * 0.33 * h) - (_direction * _approachSpeed * h * (_contact - walked));
        var cycle = 2 * Math.PI * _frequency * walked;
        var legs = 0.35 * Math.Sin(cycle) * (seconds < _contact ? 1 : Math.Exp(-after / 0.15));
        var armsOut = 1.45 * shove * (after < 0.5 ? 1 : 0.5 + (0.5 * Math.Cos(2 * Math.PI * 0.8 * (after - 0.5))));
        var pusher = new FigurePose(0.12 * shove, legs, 0.1 + (0.4 * Math.Max(0, Math.Sin(cycle + 1.2))), -legs, 0.1, armsOut - (0.3 * (1 - shove) * Math.Sin(cycle)), 0.1, armsOut + (0.3 * (1 - shove) * Math.Sin(cycle)), 0.15);
        var pusherJoints = StickFigure.Pose(pusher, pusherX, _layout.GroundY, h, _direction);

        // Pushed: standing, then thrown away with a decaying speed.
        var moved = _distance * (1 - Math.Exp(-after / _settle));
        var speed = after > 0 ? _distance / _settle * Math.Exp(-after / _settle) : 0;
        var stumble = Math.Min(1, speed / 2.5);
        var lean = _pushedFacing == _direction ? 0.45 * stumble : -0.45 * stumble;
        var step = 2 * Math.PI * moved / 0.4;
        // After the stumble the pushed person keeps protesting with waving arms, so the scene never goes still.
        var protest = after > 0 ? 0.5 * (1 - stumble) * (1 + Math.Sin(2 * Math.PI * 1.4 * after)) : 0;
        var flail = (stumble * (1.6 + (0.6 * Math.Sin(step * 1.7)))) + protest;
        var pushed = new FigurePose(
            lean + (0.02 * Math.Sin(2 * Math.PI * 0.5 * seconds)),
            0.5 * stumble * Math.Sin(step),
            0.05 + (0.6 * stumble * Math.Max(0, Math.Sin(step + 1))),
            -0.5 * stumble * Math.Sin(step),
            0.05 + (0.6 * stumble * Math.Max(0, Math.Sin(step + 1 + Math.PI))),
            0.05 + flail,
            0.2,
            -0.05 + (0.8 * flail),
            0.3);
        var pushedX = _pushedStart + (_direction * moved * h);
        var pushedJoints = StickFigure.Pose(pushed, pushedX, _layout.GroundY, h, _pushedFacing);
        return [new PlacedFigure(0, pusherJoints, _pusherStyle, h), new PlacedFigure(1, pushedJoints, _pushedStyle, h)];
    }
}
