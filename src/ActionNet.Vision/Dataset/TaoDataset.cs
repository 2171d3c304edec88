using ActionNet.Vision.Sources;

namespace ActionNet.Vision.Dataset;

/// <summary>
/// A dataset in TAO's action-recognition layout, <c>&lt;root&gt;/&lt;class&gt;/&lt;clip&gt;/{rgb,u,v}/</c>:
/// the class of a clip is its parent folder's name. Classes and clips are in natural order.
/// </summary>
public sealed class TaoDataset
{
    private TaoDataset(string root, IReadOnlyList<string> classes, IReadOnlyList<TaoClip> clips)
    {
        Root = root;
        Classes = classes;
        Clips = clips;
    }

    /// <summary>The dataset folder.</summary>
    public string Root { get; }

    /// <summary>Class folder names that hold at least one clip.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Every clip, grouped by class.</summary>
    public IReadOnlyList<TaoClip> Clips { get; }

    /// <summary>
    /// Lists a dataset. Throws <see cref="VideoSourceException"/> when the root is missing or holds
    /// no <c>&lt;class&gt;/&lt;clip&gt;/</c> folder with rgb/, u/ or v/ inside.
    /// </summary>
    public static TaoDataset Open(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Directory.Exists(root))
        {
            throw new VideoSourceException($"dataset folder '{root}' does not exist (expected <root>/<class>/<clip>/rgb, u and v folders)");
        }

        var classes = new List<string>();
        var clips = new List<TaoClip>();
        foreach (var classDirectory in Sorted(Directory.EnumerateDirectories(root)))
        {
            var className = Path.GetFileName(classDirectory);
            var classClips = Sorted(Directory.EnumerateDirectories(classDirectory))
                .Where(IsClip)
                .Select(clip => new TaoClip(className, Path.GetFileName(clip), clip))
                .ToList();
            if (classClips.Count > 0)
            {
                classes.Add(className);
                clips.AddRange(classClips);
            }
        }

        if (clips.Count == 0)
        {
            throw new VideoSourceException($"dataset folder '{root}' holds no clips (expected <root>/<class>/<clip>/rgb, u and v folders)");
        }

        return new TaoDataset(root, classes, clips);
    }

    // Folders whose name starts with '.' are hidden, e.g. a DatasetPreparer clip still being written.
    private static bool IsClip(string directory) => !Path.GetFileName(directory).StartsWith('.') && (
        Directory.Exists(Path.Combine(directory, "rgb")) || Directory.Exists(Path.Combine(directory, "u")) || Directory.Exists(Path.Combine(directory, "v")));

    private static IEnumerable<string> Sorted(IEnumerable<string> paths) => paths.Order(NaturalFileOrder.Instance);
}
