using ActionNet.Abstractions.History;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// Where a <see cref="CameraPipeline"/> sends what it produces: the camera's aggregator in the cluster, or a
/// test's own recorder.
/// </summary>
/// <param name="NextSequenceAsync">The next unused window sequence number of the camera (the stored high-water mark plus one).</param>
/// <param name="RecordAsync">Records one scored window; completes once it is accepted.</param>
public sealed record CameraPipelineHooks(Func<Task<long>> NextSequenceAsync, Func<ScoredWindow, Task> RecordAsync);
