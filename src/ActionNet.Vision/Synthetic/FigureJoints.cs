using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>Where a figure's joints are in the image (pixels), ready to draw.</summary>
internal sealed class FigureJoints
{
    public Point2d Head { get; set; }

    public double HeadRadius { get; set; }

    public Point2d Shoulder { get; set; }

    public Point2d Hip { get; set; }

    public Point2d KneeNear { get; set; }

    public Point2d FootNear { get; set; }

    public Point2d KneeFar { get; set; }

    public Point2d FootFar { get; set; }

    public Point2d ElbowNear { get; set; }

    public Point2d HandNear { get; set; }

    public Point2d ElbowFar { get; set; }

    public Point2d HandFar { get; set; }

    public IEnumerable<Point2d> All => [Head, Shoulder, Hip, KneeNear, FootNear, KneeFar, FootFar, ElbowNear, HandNear, ElbowFar, HandFar];

    /// <summary>Moves every joint by (<paramref name="dx"/>, <paramref name="dy"/>).</summary>
    public void Shift(double dx, double dy)
    {
        Head = Add(Head);
        Shoulder = Add(Shoulder);
        Hip = Add(Hip);
        KneeNear = Add(KneeNear);
        FootNear = Add(FootNear);
        KneeFar = Add(KneeFar);
        FootFar = Add(FootFar);
        ElbowNear = Add(ElbowNear);
        HandNear = Add(HandNear);
        ElbowFar = Add(ElbowFar);
        HandFar = Add(HandFar);
        Point2d Add(Point2d p) => new(p.X + dx, p.Y + dy);
    }
}
