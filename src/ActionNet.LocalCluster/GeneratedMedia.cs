using System.Diagnostics;
using System.Globalization;

namespace ActionNet.LocalCluster;

/// <summary>Small video files made with the system ffmpeg from its built-in test sources (for drills and tests), in a given folder.</summary>
public sealed class GeneratedMedia(string folder)
{
    /// <summary>The folder the files are written to.</summary>
    public string Folder { get; } = Directory.CreateDirectory(folder).FullName;

    /// <summary>A 64x48 test pattern at <paramref name="fps"/> for <paramref name="seconds"/>, MPEG-4 in MP4: cheap to decode in a loop.</summary>
    public string Pattern(string name, int fps = 10, double seconds = 4) =>
        Make(name, $"testsrc=size=64x48:rate={fps}", seconds, "-c:v", "mpeg4", "-q:v", "5");

    /// <summary>
    /// Encodes <paramref name="seconds"/> of lavfi <paramref name="source"/> into <paramref name="name"/> with
    /// <paramref name="encoding"/> (codec and container options) and returns its path.
    /// </summary>
    public string Make(string name, string source, double seconds, params string[] encoding)
    {
        var path = Path.Combine(Folder, name);
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-v", "error", "-f", "lavfi", "-i", source, "-t", seconds.ToString(CultureInfo.InvariantCulture), .. encoding, "-y", path])
        {
            info.ArgumentList.Add(argument);
        }

        using var ffmpeg = Process.Start(info) ?? throw new InvalidOperationException("cannot run ffmpeg (is it installed? deploy/local installs it)");
        var errors = ffmpeg.StandardError.ReadToEnd();
        if (!ffmpeg.WaitForExit(TimeSpan.FromSeconds(60)) || ffmpeg.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not make {name}: {errors.Trim()}");
        }

        return path;
    }

    /// <summary>The first <paramref name="fraction"/> of <paramref name="path"/> as a new file, as an interrupted copy would leave it.</summary>
    public string Truncated(string path, double fraction)
    {
        var bytes = File.ReadAllBytes(path);
        var cut = Path.Combine(Folder, "truncated-" + Path.GetFileName(path));
        File.WriteAllBytes(cut, bytes[..(int)(bytes.Length * fraction)]);
        return cut;
    }

    /// <summary>A file of <paramref name="length"/> pseudo-random bytes named like a video.</summary>
    public string Garbage(string name, int length = 64 * 1024)
    {
        var bytes = new byte[length];
        new Random(12345).NextBytes(bytes);
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Two MPEG-TS files joined byte by byte: one stream whose resolution changes mid-way.</summary>
    public string ResolutionChange(string name, (int W, int H) first, (int W, int H) second, int fps = 10, double secondsEach = 2)
    {
        var a = Make($"{name}-a.ts", $"testsrc=size={first.W}x{first.H}:rate={fps}", secondsEach, "-c:v", "mpeg2video");
        var b = Make($"{name}-b.ts", $"testsrc=size={second.W}x{second.H}:rate={fps}", secondsEach, "-c:v", "mpeg2video");
        var joined = Path.Combine(Folder, name);
        File.WriteAllBytes(joined, [.. File.ReadAllBytes(a), .. File.ReadAllBytes(b)]);
        return joined;
    }
}
