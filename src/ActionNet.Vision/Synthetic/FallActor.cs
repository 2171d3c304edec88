using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>
/// A person who stands (swaying a little), then falls forward or backward with buckling knees and
/// flailing arms, accelerating as a fall does, and lies on the ground for the rest of the scene.
/// </summary>
internal sealed class FallActor : ISceneActor
{
    private readonly FigureStyle _style;
    private readonly SceneLayout _layout;
    private readonly int _facing;
    private readonly double _x;
    private readonly double _start;
    private readonly double _duration;
    private readonly double _direction;
    private readonly double _finalTilt;
    private readonly double _buckle;
    private readonly double _slide;

    public FallActor(Random random, SceneSpec spec, SceneLayout layout)
    {
        _layout = layout;
        _style = FigureStyle.Random(random);
        _facing = random.Next(2) == 0 ? 1 : -1;
        _x = spec.Width * SceneLayout.Between(random, 0.3, 0.7);
        // The fall starts between a quarter and 45% of the way into the scene (at least 0.2 s in), so
        // a scene's centre window shows it.
        _start = Math.Max(0.2, spec.Frames / spec.Fps * SceneLayout.Between(random, 0.25, 0.45));
        _duration = SceneLayout.Between(random, 0.4, 0.7);
        _direction = random.Next(3) == 0 ? -1 : 1;
        _finalTilt = SceneLayout.Between(random, 1.45, 1.6);
        _buckle = SceneLayout.Between(random, 0.5, 1.1);
        _slide = SceneLayout.Between(random, -0.15, 0.15);
    }

    public int People => 1;

    public void Draw(Mat frame, double seconds)
    {
        var figure = Figures(seconds)[0];
        StickFigure.Draw(frame, figure.Joints, figure.Style, figure.Height);
    }

    public IReadOnlyList<PlacedFigure> Figures(double seconds)
    {
        var progress = Math.Clamp((seconds - _start) / _duration, 0, 1);
        var eased = progress * progress;
        var sway = progress <= 0 ? 0.03 * Math.Sin(2 * Math.PI * 0.6 * seconds) : 0;
        var knee = 0.05 + (_buckle * Math.Sin(Math.PI * progress));
        var arms = _direction > 0 ? 1.4 * eased : -0.9 * eased;
        var pose = new FigurePose(
            sway + (0.2 * _direction * Math.Sin(Math.PI * progress)),
            0.15 * eased,
            knee,
            -0.1 * eased,
            knee * 0.8,
            arms + 0.05,
            0.1 + (0.4 * eased),
            arms - 0.2,
            0.1 + (0.3 * eased));
        var x = _x + (_facing * _slide * _layout.PersonHeight * eased);
        var joints = StickFigure.Pose(pose, x, _layout.GroundY, _layout.PersonHeight, _facing, 0, _direction * _finalTilt * eased);
        return [new PlacedFigure(0, joints, _style, _layout.PersonHeight)];
    }
}
