namespace ActionNet.Grains.Alerts;

/// <summary>
/// A labelled stream is what has its own segments: a whole-frame camera, or one tracked person of a camera in person
/// mode. The alert evaluator follows and fires per stream, so one person's fall fires once for that person.
/// </summary>
internal static class LabelStreams
{
    /// <summary>The key of a stream: the camera id, or <c>{camera}/{track}</c> (camera ids hold no '/').</summary>
    public static string Key(string cameraId, string? trackId) => trackId is null ? cameraId : $"{cameraId}/{trackId}";
}
