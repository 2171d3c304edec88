namespace ActionNet.Vision.Dataset;

/// <summary>The outcome of a whole dataset preparation.</summary>
/// <param name="Prepared">Videos converted in this run.</param>
/// <param name="Skipped">Videos whose clip was already complete.</param>
/// <param name="Failures">One entry per video that failed, with its one-line reason.</param>
public sealed record DatasetSummary(int Prepared, int Skipped, IReadOnlyList<DatasetProgress> Failures);
