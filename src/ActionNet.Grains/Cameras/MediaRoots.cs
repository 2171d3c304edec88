using ActionNet.Abstractions.Cameras;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// The folders a silo reads camera files from (<see cref="IngestOptions.MediaRoots"/>). Any other path is
/// refused with the same line whether or not it exists, so a client cannot learn which files the silo
/// host has (<c>/etc/passwd</c>, <c>/dev/zero</c>). Relative roots are taken from the silo's working folder.
/// </summary>
public sealed class MediaRoots
{
    private readonly string[] _roots;

    /// <summary>Normalises <paramref name="roots"/> to full paths that end with a separator.</summary>
    public MediaRoots(IEnumerable<string> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        _roots = roots.Where(r => !string.IsNullOrWhiteSpace(r)).Select(Normalise).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Why the file source <paramref name="path"/> cannot be read on this silo, or null when it can.</summary>
    public string? Problem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var shown = CameraInputRules.Quote(path);
        if (!Path.IsPathFullyQualified(path))
        {
            return $"source file '{shown}' is not an absolute path; expected a video file under {Listing()}";
        }

        var full = Path.GetFullPath(path);
        if (!Inside(full) || (LinkTarget(full) is { } target && !Inside(target)))
        {
            return $"source file '{shown}' is outside the media folders this silo reads ({Listing()}; setting {IngestOptions.SectionName}:{nameof(IngestOptions.MediaRoots)})";
        }

        if (Directory.Exists(full))
        {
            return $"source '{shown}' is a directory; expected a video file";
        }

        return File.Exists(full) ? null : $"source file '{shown}' does not exist on silo host {Environment.MachineName}";
    }

    // A link inside a media folder may point anywhere: what counts is the file it ends at.
    private static string? LinkTarget(string full)
    {
        try
        {
            return new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            // Missing, or a link that loops: the existence checks below answer.
            return null;
        }
    }

    private bool Inside(string full) => _roots.Any(root => full.StartsWith(root, StringComparison.Ordinal));

    private string Listing() => _roots.Length == 0 ? "no folder: none is configured" : string.Join(", ", _roots.Select(r => r.TrimEnd(Path.DirectorySeparatorChar)));

    private static string Normalise(string root) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
}
