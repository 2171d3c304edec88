namespace ActionNet.Cli.Benchmarks;

/// <summary>What <c>actionnet bench api</c> measured in one run.</summary>
/// <param name="Cameras">Cameras labelling while the API was measured.</param>
/// <param name="HistoryPage">A 100-row history page, at each number of concurrent clients.</param>
/// <param name="CameraStatus">One camera's status (<c>GET /api/v1/cameras/{id}</c>).</param>
/// <param name="Sse">Server-sent events fanned out to many subscribers.</param>
public sealed record ApiBenchResult(int Cameras, ApiLoadResult[] HistoryPage, ApiLoadResult CameraStatus, SseFanOutResult Sse);
