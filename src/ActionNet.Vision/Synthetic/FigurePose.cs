namespace ActionNet.Vision.Synthetic;

/// <summary>
/// Joint angles of a standing or moving figure, in radians, in the figure's own frame (facing +x):
/// torso lean forward; each thigh's swing forward from straight down and its knee's bend backward;
/// each upper arm's swing forward from straight down and its elbow's bend forward.
/// "Near" limbs face the camera and are drawn last.
/// </summary>
internal readonly record struct FigurePose(
    double Lean,
    double ThighNear,
    double KneeNear,
    double ThighFar,
    double KneeFar,
    double ArmNear,
    double ElbowNear,
    double ArmFar,
    double ElbowFar)
{
    /// <summary>Standing still, arms at the sides.</summary>
    public static FigurePose Standing { get; } = new(0, 0, 0.05, 0, 0.05, 0.05, 0.1, -0.05, 0.1);
}
