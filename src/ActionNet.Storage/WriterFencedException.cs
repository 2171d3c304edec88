namespace ActionNet.Storage;

/// <summary>
/// A camera's history writer was replaced by a newer one (a higher writer epoch, or the hour blob's
/// lease taken over): this writer must stop writing. Nothing it had not stored was written.
/// </summary>
public sealed class WriterFencedException(string camera, string reason)
    : Exception($"history writer of camera '{camera}' was replaced by a newer writer: {reason}")
{
    /// <summary>The camera.</summary>
    public string Camera { get; } = camera;
}
