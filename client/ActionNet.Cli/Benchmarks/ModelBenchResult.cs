namespace ActionNet.Cli.Benchmarks;

/// <summary>
/// Throughput of one model at one batch size: raw ONNX Runtime (a prefilled float tensor, Run only)
/// against the full scoring path (uint8 clips packed into pooled buffers, Run, softmax).
/// </summary>
/// <param name="Batch">Windows per Run.</param>
/// <param name="Runs">Timed runs of each kind.</param>
/// <param name="RawWindowsPerSecond">Windows per second of session.Run alone.</param>
/// <param name="ScoredWindowsPerSecond">Windows per second of ActionModel.Score (pack + Run + softmax).</param>
/// <param name="RawMsPerRunP50">Median milliseconds per raw Run.</param>
/// <param name="ScoredMsPerRunP50">Median milliseconds per Score call.</param>
public sealed record ModelBenchResult(int Batch, int Runs, double RawWindowsPerSecond, double ScoredWindowsPerSecond, double RawMsPerRunP50, double ScoredMsPerRunP50)
{
    /// <summary>Scored / raw throughput: how much of raw ONNX Runtime the scoring path keeps.</summary>
    public double Ratio => RawWindowsPerSecond == 0 ? 0 : ScoredWindowsPerSecond / RawWindowsPerSecond;
}
