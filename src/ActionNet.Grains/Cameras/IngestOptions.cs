namespace ActionNet.Grains.Cameras;

/// <summary>How cameras read and hand off windows; bound from the <see cref="SectionName"/> section.</summary>
public sealed class IngestOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ActionNet:Ingest";

    /// <summary>
    /// Windows a camera holds while inference is busy; when full the oldest is dropped and counted, so a
    /// slow accelerator delays labels by at most this many windows.
    /// </summary>
    public int QueueCapacity { get; set; } = 4;

    /// <summary>Inference activations per profile; a camera's windows go to shard hash(camera id) % shards.</summary>
    public int InferenceShards { get; set; } = 4;

    /// <summary>Seconds between retries after a failed source open or a failed inference call.</summary>
    public int RetrySeconds { get; set; } = 5;

    /// <summary>
    /// Windows of one camera being scored at once. Two keep the model busy while the previous result is
    /// recorded; results are still recorded in sequence order.
    /// </summary>
    public int WindowsInFlight { get; set; } = 2;

    /// <summary>
    /// Whether network streams are decoded with <c>-hwaccel cuda</c>; null (default): on every silo whose
    /// accelerator label is not <c>cpu</c>. Where CUDA cannot start, ffmpeg falls back to the CPU with one log line.
    /// </summary>
    public bool? CudaDecoding { get; set; }

    /// <summary>Frames per second assumed for pacing a file that declares none.</summary>
    public double DefaultFps { get; set; } = 25;

    /// <summary>
    /// The folders camera files may be read from; any other path is refused at registration. Relative
    /// folders are taken from the silo's working folder. appsettings.json names the demo's videos folder.
    /// </summary>
    public List<string> MediaRoots { get; set; } = [];

    /// <summary>Problems, one line each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (QueueCapacity < 1)
        {
            errors.Add($"{SectionName}:{nameof(QueueCapacity)} is {QueueCapacity}; expected at least 1");
        }

        if (InferenceShards < 1)
        {
            errors.Add($"{SectionName}:{nameof(InferenceShards)} is {InferenceShards}; expected at least 1");
        }

        if (WindowsInFlight < 1)
        {
            errors.Add($"{SectionName}:{nameof(WindowsInFlight)} is {WindowsInFlight}; expected at least 1");
        }

        if (RetrySeconds < 1)
        {
            errors.Add($"{SectionName}:{nameof(RetrySeconds)} is {RetrySeconds}; expected at least 1");
        }

        if (!(DefaultFps > 0))
        {
            errors.Add($"{SectionName}:{nameof(DefaultFps)} is {DefaultFps}; expected more than 0");
        }

        for (var i = 0; i < MediaRoots.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(MediaRoots[i]) || MediaRoots[i].Any(char.IsControl))
            {
                errors.Add($"{SectionName}:{nameof(MediaRoots)}:{i} is '{MediaRoots[i]}'; expected a folder path");
            }
        }

        return errors;
    }
}
