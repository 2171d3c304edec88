using ActionNet.Vision.Sources;

namespace ActionNet.Vision.Dataset;

/// <summary>One clip of a TAO dataset: <c>&lt;root&gt;/&lt;ClassName&gt;/&lt;Name&gt;/</c> with its rgb/, u/ and v/ folders.</summary>
/// <param name="ClassName">The class, i.e. the name of the clip's parent folder.</param>
/// <param name="Name">The clip folder's name.</param>
/// <param name="Path">The clip folder.</param>
public sealed record TaoClip(string ClassName, string Name, string Path)
{
    /// <summary>Lists the clip's frames (throws <see cref="VideoSourceException"/> when they are unusable).</summary>
    public FramesDirectory Open() => FramesDirectory.Open(Path);
}
