namespace ActionNet.Vision.Dataset;

/// <summary>Progress of a dataset preparation, reported once per video when it is done.</summary>
/// <param name="Completed">Videos done so far, this one included.</param>
/// <param name="Total">Videos found.</param>
/// <param name="ClassName">The video's class folder.</param>
/// <param name="VideoPath">The source video.</param>
/// <param name="Outcome">Prepared, skipped or failed.</param>
/// <param name="Frames">RGB frames written (or found, when skipped); flow images are one fewer.</param>
/// <param name="Message">Why it failed, or a note such as "decoded 37 of 128 frames; ..."; null when there is nothing to say.</param>
public sealed record DatasetProgress(int Completed, int Total, string ClassName, string VideoPath, VideoOutcome Outcome, int Frames, string? Message);
