using ActionNet.Vision.Detection;
using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>
/// An articulated stick-and-limb person: segment lengths in units of standing height, joints posed by
/// <see cref="FigurePose"/> (or placed on a bicycle), drawn as thick anti-aliased limbs, a torso and a head.
/// </summary>
internal static class StickFigure
{
    public const double Thigh = 0.245;
    public const double Shin = 0.245;
    public const double Torso = 0.30;
    public const double Neck = 0.085;
    public const double Head = 0.065;
    public const double UpperArm = 0.165;
    public const double Forearm = 0.155;

    /// <summary>
    /// Joints of a figure <paramref name="height"/> pixels tall whose lower foot stands on
    /// <paramref name="groundY"/> at <paramref name="x"/>, facing <paramref name="facing"/> (+1 right, -1 left),
    /// lifted by <paramref name="lift"/> heights and tipped by <paramref name="tilt"/> radians forward about its feet.
    /// Nothing goes below the ground.
    /// </summary>
    public static FigureJoints Pose(FigurePose pose, double x, double groundY, double height, int facing, double lift = 0, double tilt = 0)
    {
        // Figure frame: hip at the origin, y up, facing +x; units of standing height.
        var hip = new Point2d(0, 0);
        var kneeNear = hip + Limb(pose.ThighNear, Thigh);
        var footNear = kneeNear + Limb(pose.ThighNear - pose.KneeNear, Shin);
        var kneeFar = hip + Limb(pose.ThighFar, Thigh);
        var footFar = kneeFar + Limb(pose.ThighFar - pose.KneeFar, Shin);
        var up = new Point2d(Math.Sin(pose.Lean), Math.Cos(pose.Lean));
        var shoulder = hip + (up * Torso);
        var head = shoulder + (up * (Neck + Head));
        var elbowNear = shoulder + Limb(pose.ArmNear, UpperArm);
        var handNear = elbowNear + Limb(pose.ArmNear + pose.ElbowNear, Forearm);
        var elbowFar = shoulder + Limb(pose.ArmFar, UpperArm);
        var handFar = elbowFar + Limb(pose.ArmFar + pose.ElbowFar, Forearm);
        var lowest = Math.Min(footNear.Y, footFar.Y);
        var joints = new FigureJoints
        {
            Head = head, HeadRadius = Head, Shoulder = shoulder, Hip = hip, KneeNear = kneeNear, FootNear = footNear, KneeFar = kneeFar,
            FootFar = footFar, ElbowNear = elbowNear, HandNear = handNear, ElbowFar = elbowFar, HandFar = handFar,
        };

        // Feet on the ground, then tip about the contact point.
        joints.Shift(0, lift - lowest);
        var pivot = new Point2d(footNear.Y <= footFar.Y ? footNear.X : footFar.X, 0);
        var (sin, cos) = Math.SinCos(-tilt);
        var world = new FigureJoints { HeadRadius = height * Head };
        world.Head = ToImage(joints.Head);
        world.Shoulder = ToImage(joints.Shoulder);
        world.Hip = ToImage(joints.Hip);
        world.KneeNear = ToImage(joints.KneeNear);
        world.FootNear = ToImage(joints.FootNear);
        world.KneeFar = ToImage(joints.KneeFar);
        world.FootFar = ToImage(joints.FootFar);
        world.ElbowNear = ToImage(joints.ElbowNear);
        world.HandNear = ToImage(joints.HandNear);
        world.ElbowFar = ToImage(joints.ElbowFar);
        world.HandFar = ToImage(joints.HandFar);
        var below = world.All.Max(p => p.Y) - groundY;
        var headBelow = world.Head.Y + world.HeadRadius - groundY;
        var sink = Math.Max(below, headBelow);
        if (sink > 0)
        {
            world.Shift(0, -sink);
        }

        return world;

        Point2d ToImage(Point2d p)
        {
            var rx = pivot.X + ((p.X - pivot.X) * cos) - ((p.Y - pivot.Y) * sin);
            var ry = pivot.Y + ((p.X - pivot.X) * sin) + ((p.Y - pivot.Y) * cos);
            return new Point2d(x + (facing * height * rx), groundY - (height * ry));
        }
    }

    /// <summary>
    /// Joints of a rider <paramref name="height"/> pixels tall sitting at <paramref name="seat"/>, feet on
    /// <paramref name="pedalNear"/> and <paramref name="pedalFar"/>, hands on <paramref name="handlebar"/> (all pixels).
    /// </summary>
    public static FigureJoints Seated(Point2d seat, Point2d pedalNear, Point2d pedalFar, Point2d handlebar, double height, int facing, double lean)
    {
        var up = new Point2d(facing * Math.Sin(lean), -Math.Cos(lean));
        var shoulder = seat + (up * (Torso * height));
        var (kneeNear, footNear) = Reach(seat, pedalNear, Thigh * height, Shin * height, facing);
        var (kneeFar, footFar) = Reach(seat, pedalFar, Thigh * height, Shin * height, facing);
        var (elbowNear, handNear) = Reach(shoulder, handlebar, UpperArm * height, Forearm * height, -facing);
        return new FigureJoints
        {
            Head = shoulder + (up * ((Neck + Head) * height)), HeadRadius = Head * height, Shoulder = shoulder, Hip = seat,
            KneeNear = kneeNear, FootNear = footNear, KneeFar = kneeFar, FootFar = footFar,
            ElbowNear = elbowNear, HandNear = handNear, ElbowFar = elbowNear, HandFar = handNear,
        };
    }

    /// <summary>Draws <paramref name="joints"/> of a figure <paramref name="height"/> pixels tall.</summary>
    public static void Draw(Mat frame, FigureJoints joints, FigureStyle style, double height)
    {
        var limb = Math.Max(1, (int)Math.Round(height * 0.06 * style.Build));
        var torso = Math.Max(2, (int)Math.Round(height * 0.11 * style.Build));
        var farShirt = Shade(style.Shirt, 0.7);
        var farTrousers = Shade(style.Trousers, 0.7);
        Line(frame, joints.Shoulder, joints.ElbowFar, farShirt, limb);
        Line(frame, joints.ElbowFar, joints.HandFar, Shade(style.Skin, 0.8), limb);
        Line(frame, joints.Hip, joints.KneeFar, farTrousers, limb);
        Line(frame, joints.KneeFar, joints.FootFar, farTrousers, limb);
        Line(frame, joints.Hip, joints.Shoulder, style.Shirt, torso);
        Line(frame, joints.Hip, joints.KneeNear, style.Trousers, limb);
        Line(frame, joints.KneeNear, joints.FootNear, style.Trousers, limb);
        Line(frame, joints.Shoulder, joints.ElbowNear, style.Shirt, limb);
        Line(frame, joints.ElbowNear, joints.HandNear, style.Skin, limb);
        Cv2.Circle(frame, Pixel(joints.Head), Math.Max(2, (int)Math.Round(joints.HeadRadius)), style.Skin, -1, LineTypes.AntiAlias);
    }

    /// <summary>
    /// The box around everything <see cref="Draw"/> paints for <paramref name="joints"/> (limb and torso
    /// thickness, head radius, at the pixel positions drawn; the anti-aliased fringe aside), in pixel cells:
    /// a pixel at column c lies in [c, c + 1).
    /// </summary>
    public static PixelBox Bounds(FigureJoints joints, FigureStyle style, double height)
    {
        var limb = Math.Max(1, (int)Math.Round(height * 0.06 * style.Build)) / 2.0;
        var torso = Math.Max(2, (int)Math.Round(height * 0.11 * style.Build)) / 2.0;
        var head = Math.Max(2, (int)Math.Round(joints.HeadRadius));
        double x1 = double.MaxValue, y1 = double.MaxValue, x2 = double.MinValue, y2 = double.MinValue;
        Cover(joints.Head, head);
        foreach (var (joint, half) in (ValueTuple<Point2d, double>[])[(joints.Shoulder, torso), (joints.Hip, torso), (joints.KneeNear, limb), (joints.FootNear, limb),
            (joints.KneeFar, limb), (joints.FootFar, limb), (joints.ElbowNear, limb), (joints.HandNear, limb), (joints.ElbowFar, limb), (joints.HandFar, limb)])
        {
            Cover(joint, half);
        }

        return new PixelBox((float)x1, (float)y1, (float)x2, (float)y2);

        void Cover(Point2d joint, double half)
        {
            var p = Pixel(joint);
            x1 = Math.Min(x1, p.X - half);
            y1 = Math.Min(y1, p.Y - half);
            x2 = Math.Max(x2, p.X + half + 1);
            y2 = Math.Max(y2, p.Y + half + 1);
        }
    }

    private static Point2d Limb(double angle, double length) => new(Math.Sin(angle) * length, -Math.Cos(angle) * length);

    /// <summary>Two-segment reach from <paramref name="root"/> towards <paramref name="target"/>; the middle joint bends towards <paramref name="bendSide"/> (x sign).</summary>
    private static (Point2d Middle, Point2d End) Reach(Point2d root, Point2d target, double first, double second, int bendSide)
    {
        var delta = target - root;
        var distance = Math.Clamp(Math.Sqrt((delta.X * delta.X) + (delta.Y * delta.Y)), 1e-6, (first + second) * 0.999);
        var direction = Math.Atan2(delta.Y, delta.X);
        var bend = Math.Acos(Math.Clamp(((first * first) + (distance * distance) - (second * second)) / (2 * first * distance), -1, 1));
        var a = new Point2d(root.X + (first * Math.Cos(direction + bend)), root.Y + (first * Math.Sin(direction + bend)));
        var b = new Point2d(root.X + (first * Math.Cos(direction - bend)), root.Y + (first * Math.Sin(direction - bend)));
        var middle = (a.X - b.X) * bendSide >= 0 ? a : b;
        var end = new Point2d(root.X + (distance * Math.Cos(direction)), root.Y + (distance * Math.Sin(direction)));
        return (middle, end);
    }

    private static void Line(Mat frame, Point2d from, Point2d to, Scalar colour, int thickness) =>
        Cv2.Line(frame, Pixel(from), Pixel(to), colour, thickness, LineTypes.AntiAlias);

    private static Point Pixel(Point2d p) => new((int)Math.Round(p.X), (int)Math.Round(p.Y));

    private static Scalar Shade(Scalar colour, double factor) => new(colour.Val0 * factor, colour.Val1 * factor, colour.Val2 * factor);
}
