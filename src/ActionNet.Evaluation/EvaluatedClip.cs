namespace ActionNet.Evaluation;

/// <summary>One dataset clip after evaluation: its true class and either its classification or why it failed.</summary>
/// <param name="ClassName">The true class (the dataset folder).</param>
/// <param name="Clip">The clip folder name.</param>
/// <param name="Result">The classification, or null when the clip could not be read.</param>
/// <param name="Error">One line saying why the clip could not be read, or null.</param>
public sealed record EvaluatedClip(string ClassName, string Clip, Classification? Result, string? Error)
{
    /// <summary>Whether the predicted label equals the true class.</summary>
    public bool Correct => Result is not null && Result.Label == ClassName;
}
