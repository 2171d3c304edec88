namespace ActionNet.Vision.Detection;

/// <summary>One object a detector found in one frame.</summary>
/// <param name="ClassName">The detector's class, e.g. "person" (PeopleNet also reports "bag" and "face").</param>
/// <param name="Confidence">The detector's confidence, 0 to 1 (PeopleNet: the coverage of the box's cluster).</param>
/// <param name="Box">The box in source-frame pixels.</param>
public sealed record PersonDetection(string ClassName, float Confidence, PixelBox Box)
{
    /// <summary>The class name persons carry.</summary>
    public const string Person = "person";
}
