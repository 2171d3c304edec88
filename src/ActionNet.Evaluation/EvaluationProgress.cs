namespace ActionNet.Evaluation;

/// <summary>Progress of an evaluation: clips done out of the total, and the clip just finished.</summary>
public sealed record EvaluationProgress(int Completed, int Total, EvaluatedClip Last);
