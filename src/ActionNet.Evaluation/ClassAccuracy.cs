namespace ActionNet.Evaluation;

/// <summary>Top-1 accuracy of one class: clips scored, clips right, and their ratio (0 when none was scored).</summary>
public sealed record ClassAccuracy(string ClassName, int Clips, int Correct)
{
    /// <summary>Correct / Clips, in [0, 1].</summary>
    public double Accuracy => Clips == 0 ? 0 : Correct / (double)Clips;
}
