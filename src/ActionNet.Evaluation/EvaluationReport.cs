using ActionNet.Vision.Clips;

namespace ActionNet.Evaluation;

/// <summary>
/// The result of evaluating a model on a labelled TAO dataset: per-class and overall top-1 accuracy,
/// and a confusion matrix whose rows are true labels and columns predicted labels, both in the
/// model's label order. Clips that could not be read are listed and left out of the accuracy.
/// </summary>
/// <param name="Model">The ONNX file evaluated.</param>
/// <param name="Mode">Clip sampling used (center or conv).</param>
/// <param name="Labels">The model's labels; the confusion matrix's row and column order.</param>
/// <param name="Classes">Per-class accuracy for every class folder in the dataset.</param>
/// <param name="Confusion">Counts: Confusion[true][predicted].</param>
/// <param name="Clips">Every clip evaluated.</param>
public sealed record EvaluationReport(
    string Model,
    SamplingMode Mode,
    IReadOnlyList<string> Labels,
    IReadOnlyList<ClassAccuracy> Classes,
    int[][] Confusion,
    IReadOnlyList<EvaluatedClip> Clips)
{
    /// <summary>Clips scored (failed clips excluded).</summary>
    public int Scored => Classes.Sum(c => c.Clips);

    /// <summary>Clips predicted right.</summary>
    public int Correct => Classes.Sum(c => c.Correct);

    /// <summary>Overall top-1 accuracy over scored clips, in [0, 1].</summary>
    public double Accuracy => Scored == 0 ? 0 : Correct / (double)Scored;

    /// <summary>Clips that could not be read.</summary>
    public int Failed => Clips.Count(c => c.Result is null);
}
