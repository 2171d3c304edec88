using OpenCvSharp;

namespace ActionNet.Vision.Sources;

/// <summary>
/// One pre-extracted clip in TAO's layout: <c>rgb/*.png</c> (or .jpg) colour frames and
/// <c>u/*.jpg</c>, <c>v/*.jpg</c> grayscale encoded flow frames, each folder sorted in natural
/// (numeric) order. A clip may hold RGB only, flow only, or both (N RGB frames usually come with
/// N - 1 flow frames).
/// </summary>
public sealed class FramesDirectory
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".bmp"];

    private FramesDirectory(string path, string[] rgb, string[] u, string[] v)
    {
        Path = path;
        RgbFiles = rgb;
        UFiles = u;
        VFiles = v;
    }

    /// <summary>The clip folder.</summary>
    public string Path { get; }

    /// <summary>Colour frames, natural order.</summary>
    public IReadOnlyList<string> RgbFiles { get; }

    /// <summary>Horizontal flow images, natural order.</summary>
    public IReadOnlyList<string> UFiles { get; }

    /// <summary>Vertical flow images, natural order; as many as <see cref="UFiles"/>.</summary>
    public IReadOnlyList<string> VFiles { get; }

    /// <summary>Whether the clip has colour frames.</summary>
    public bool HasRgb => RgbFiles.Count > 0;

    /// <summary>Whether the clip has flow frames.</summary>
    public bool HasFlow => UFiles.Count > 0;

    /// <summary>
    /// Lists a clip folder. Throws <see cref="VideoSourceException"/> when the folder is missing,
    /// holds no frames in rgb/, u/ or v/, or its u/ and v/ counts differ.
    /// </summary>
    public static FramesDirectory Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!Directory.Exists(path))
        {
            throw new VideoSourceException($"clip folder '{path}' does not exist (expected a folder with rgb/, u/ and v/ frame folders)");
        }

        var rgb = List(path, "rgb");
        var u = List(path, "u");
        var v = List(path, "v");
        if (rgb.Length == 0 && u.Length == 0 && v.Length == 0)
        {
            throw new VideoSourceException($"clip folder '{path}' holds no frames (expected images in rgb/ and/or u/ and v/)");
        }

        if (u.Length != v.Length)
        {
            throw new VideoSourceException($"clip folder '{path}' has {u.Length} images in u/ but {v.Length} in v/ (expected one v image per u image)");
        }

        return new FramesDirectory(path, rgb, u, v);
    }

    /// <summary>Reads colour frame <paramref name="index"/> as a BGR Mat the caller disposes.</summary>
    public Mat ReadRgb(int index) => Read(RgbFiles, index, ImreadModes.Color);

    /// <summary>Reads horizontal flow frame <paramref name="index"/> as an 8-bit gray Mat the caller disposes.</summary>
    public Mat ReadU(int index) => Read(UFiles, index, ImreadModes.Grayscale);

    /// <summary>Reads vertical flow frame <paramref name="index"/> as an 8-bit gray Mat the caller disposes.</summary>
    public Mat ReadV(int index) => Read(VFiles, index, ImreadModes.Grayscale);

    private static Mat Read(IReadOnlyList<string> files, int index, ImreadModes mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, files.Count);
        var image = Cv2.ImRead(files[index], mode);
        if (image.Empty())
        {
            image.Dispose();
            throw new VideoSourceException($"'{files[index]}' is not a readable image (expected a PNG or JPG frame)");
        }

        return image;
    }

    private static string[] List(string clip, string folder)
    {
        var directory = System.IO.Path.Combine(clip, folder);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory)
            .Where(f => ImageExtensions.Contains(System.IO.Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(NaturalFileOrder.Instance)
            .ToArray();
    }
}
