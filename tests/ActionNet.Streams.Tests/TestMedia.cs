using System.Diagnostics;

namespace ActionNet.Streams.Tests;

/// <summary>Small video files made with the system ffmpeg from its built-in test sources, in a temp folder deleted on dispose.</summary>
public sealed class TestMedia : IDisposable
{
    public TestMedia()
    {
        Folder = Directory.CreateTempSubdirectory("actionnet-streams-").FullName;
    }

    public string Folder { get; }

    /// <summary>
    /// Encodes <paramref name="seconds"/> of lavfi <paramref name="source"/> into <paramref name="name"/>
    /// with <paramref name="encoding"/> (codec and container options) and returns its path.
    /// </summary>
    public string Make(string name, string source, double seconds, params string[] encoding)
    {
        var path = Path.Combine(Folder, name);
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-v", "error", "-f", "lavfi", "-i", source, "-t", $"{seconds}", .. encoding, "-y", path])
        {
            info.ArgumentList.Add(argument);
        }

        using var ffmpeg = Process.Start(info) ?? throw new InvalidOperationException("cannot run ffmpeg");
        var errors = ffmpeg.StandardError.ReadToEnd();
        if (!ffmpeg.WaitForExit(TimeSpan.FromSeconds(30)) || ffmpeg.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not make {name}: {errors}");
        }

        return path;
    }

    /// <summary>Copies the first <paramref name="fraction"/> of <paramref name="path"/> to a new file, as an interrupted download would leave it.</summary>
    public string Truncated(string path, double fraction)
    {
        var bytes = File.ReadAllBytes(path);
        var cut = Path.Combine(Folder, "truncated-" + Path.GetFileName(path));
        File.WriteAllBytes(cut, bytes[..(int)(bytes.Length * fraction)]);
        return cut;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
