using System.Runtime.InteropServices;
using System.Security.Cryptography;
using ActionNet.Vision.Synthetic;
using OpenCvSharp;

namespace ActionNet.Vision.Tests;

/// <summary>
/// The single-action scenes render exactly the pixels the demo model is trained and evaluated on: a digest
/// of every frame of each demo scene and of a training plan (which holds two-person scenes too). A change to
/// the actors, the figure or the camera model that moves one pixel fails here, and so would an OpenCV
/// upgrade that draws anti-aliased lines differently: either way the demo model needs retraining.
/// </summary>
public sealed class ScenePixelPinTests
{
    private static readonly IReadOnlyList<SceneSpec> Pinned =
        [.. DemoScenes.Scenes, .. SyntheticDataset.Plan(dataSeed: 1, perClass: 4, frames: 48, loop: true, varyLength: true)];

    // SHA-256 (first 12 hex digits) of every frame's BGR bytes, in order, as rendered before multi-person scenes existed.
    private static readonly string[] Digests =
    [
        "852C84AE8151", "6FBEFB1452B2", "0BFED799EB4E", "47DBB14A4AB5", "00E8545ED06D",
        "F856C52EA597", "038A313D5D52", "B64936E4BFE7", "4E918E4A65EB", "D4C0AF3C2E92",
        "04CD3D5808B2", "84CE4CC6C695", "6CFE739F504B", "6786C17C9D3F", "5CCD792B51D8",
        "537EB3BC33B0", "177C26862BFE", "3DC0AEABDF3D", "E577E3E5525D", "E0455F501A23",
        "C54BCA8A2AB4", "1D87726BC120", "52E0CFE9ACE5", "6E7D78836C4F", "61ED7806EC5B",
    ];

    public static TheoryData<int> Scenes => [.. Enumerable.Range(0, Digests.Length)];

    [Theory]
    [MemberData(nameof(Scenes))]
    public void ASingleActionSceneRendersItsPinnedPixels(int scene)
    {
        Assert.Equal(Digests.Length, Pinned.Count);
        Assert.Equal(Digests[scene], Digest(Pinned[scene]));
    }

    private static string Digest(SceneSpec spec)
    {
        using var renderer = new SceneRenderer(spec);
        using var frame = new Mat();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var i = 0; i < spec.Frames; i++)
        {
            renderer.Render(i, frame);
            frame.GetArray(out Vec3b[] pixels);
            hash.AppendData(MemoryMarshal.AsBytes(pixels.AsSpan()));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..12];
    }
}
