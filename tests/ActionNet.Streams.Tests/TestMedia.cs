using ActionNet.LocalCluster;

namespace ActionNet.Streams.Tests;

/// <summary>Small video files made with the system ffmpeg (<see cref="GeneratedMedia"/>), in a temp folder deleted on dispose.</summary>
public sealed class TestMedia : IDisposable
{
    private readonly GeneratedMedia media = new(Directory.CreateTempSubdirectory("actionnet-streams-").FullName);

    /// <summary>The folder the files are written to.</summary>
    public string Folder => media.Folder;

    /// <summary>Encodes <paramref name="seconds"/> of lavfi <paramref name="source"/> into <paramref name="name"/> with <paramref name="encoding"/>.</summary>
    public string Make(string name, string source, double seconds, params string[] encoding) => media.Make(name, source, seconds, encoding);

    /// <summary>The first <paramref name="fraction"/> of <paramref name="path"/> as a new file, as an interrupted download would leave it.</summary>
    public string Truncated(string path, double fraction) => media.Truncated(path, fraction);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
