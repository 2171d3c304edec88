using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>
/// A walker or runner crossing the scene on a wrap-around path (leaving one side while entering the
/// other), or on one pass from off-screen to off-screen, with its own speed, stride, leg and arm swing,
/// knee bend, lean and bounce.
/// </summary>
internal sealed class GaitActor : ISceneActor
{
    private readonly FigureStyle _style;
    private readonly SceneLayout _layout;
    private readonly int _facing;
    private readonly TravelPath _path;
    private readonly double _speed;
    private readonly double _frequency;
    private readonly double _phase;
    private readonly double _thighSwing;
    private readonly double _kneeBase;
    private readonly double _kneeSwing;
    private readonly double _armSwing;
    private readonly double _elbow;
    private readonly double _lean;
    private readonly double _bounce;
    private readonly bool _running;

    /// <summary>Plans the walker or runner; <paramref name="centreAt"/> makes its path one pass that reaches the frame's centre that many seconds into the scene, instead of a wrap-around.</summary>
    public GaitActor(Random random, SceneSpec spec, bool running, SceneLayout layout, double? centreAt = null)
    {
        _running = running;
        _layout = layout;
        _style = FigureStyle.Random(random);
        _facing = random.Next(2) == 0 ? 1 : -1;
        var startX = random.NextDouble() * spec.Width;
        _phase = random.NextDouble();
        double speed, stride;
        if (running)
        {
            speed = SceneLayout.Between(random, 2.0, 3.4);
            stride = SceneLayout.Between(random, 1.3, 1.7);
            _thighSwing = SceneLayout.Between(random, 0.6, 0.85);
            _kneeBase = SceneLayout.Between(random, 0.25, 0.4);
            _kneeSwing = SceneLayout.Between(random, 1.1, 1.6);
            _armSwing = SceneLayout.Between(random, 0.5, 0.8);
            _elbow = SceneLayout.Between(random, 1.3, 1.7);
            _lean = SceneLayout.Between(random, 0.15, 0.3);
            _bounce = SceneLayout.Between(random, 0.04, 0.07);
        }
        else
        {
            speed = SceneLayout.Between(random, 0.6, 1.2);
            stride = SceneLayout.Between(random, 0.7, 0.9);
            _thighSwing = SceneLayout.Between(random, 0.28, 0.42);
            _kneeBase = 0.05;
            _kneeSwing = SceneLayout.Between(random, 0.45, 0.7);
            _armSwing = SceneLayout.Between(random, 0.2, 0.4);
            _elbow = SceneLayout.Between(random, 0.15, 0.35);
            _lean = SceneLayout.Between(random, 0, 0.06);
            _bounce = 0.015;
        }

        var frequency = speed / stride;
        if (spec.Loop)
        {
            // Whole laps of the wrap-around path and whole gait cycles, so the loop point is seamless.
            var seconds = spec.Frames / spec.Fps;
            var laps = Math.Max(1, Math.Round(speed * layout.PersonHeight * seconds / spec.Width));
            speed = laps * spec.Width / (layout.PersonHeight * seconds);
            frequency = Math.Max(1, Math.Round(frequency * seconds)) / seconds;
        }

        _speed = speed;
        _frequency = frequency;
        _path = centreAt is { } centre
            ? TravelPath.Pass(spec.Width, _facing, speed * layout.PersonHeight, centre)
            : new TravelPath(startX, spec.Width, Wraps: true);
    }

    public int People => 1;

    public void Draw(Mat frame, double seconds)
    {
        foreach (var figure in Figures(seconds))
        {
            StickFigure.Draw(frame, figure.Joints, figure.Style, figure.Height);
        }
    }

    public IReadOnlyList<PlacedFigure> Figures(double seconds)
    {
        var cycle = 2 * Math.PI * ((_frequency * seconds) + _phase);
        var swing = Math.Sin(cycle);
        var pose = new FigurePose(
            _lean,
            _thighSwing * swing,
            _kneeBase + (_kneeSwing * Math.Max(0, Math.Sin(cycle + 1.2))),
            -_thighSwing * swing,
            _kneeBase + (_kneeSwing * Math.Max(0, Math.Sin(cycle + 1.2 + Math.PI))),
            -_armSwing * swing,
            _elbow,
            _armSwing * swing,
            _elbow);
        var lift = _running ? _bounce * Math.Abs(Math.Sin(cycle)) : _bounce * Math.Abs(Math.Cos(cycle));
        return [.. _path.Centres(_facing, _speed * _layout.PersonHeight * seconds)
            .Select(x => new PlacedFigure(0, StickFigure.Pose(pose, x, _layout.GroundY, _layout.PersonHeight, _facing, lift), _style, _layout.PersonHeight))];
    }
}
