namespace ActionNet.Grains.Cameras;

/// <summary>How cameras read and hand off windows; bound from the <see cref="SectionName"/> section.</summary>
public sealed class IngestOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ActionNet:Ingest";

    /// <summary>
    /// Bounds the windows of one camera between being cut and being recorded at twice this number; past it a
    /// new window is dropped and counted (overload). The scorer's own shared queue is what sheds overload
    /// fairly across cameras; this only keeps a stalled recorder from holding unbounded memory.
    /// </summary>
    public int QueueCapacity { get; set; } = 4;

    /// <summary>Seconds between retries after a failed source open or a crashed reader.</summary>
    public int RetrySeconds { get; set; } = 5;

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
