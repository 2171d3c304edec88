using OpenCvSharp;

namespace ActionNet.Vision.Tests;

/// <summary>Deterministic test images and videos.</summary>
internal static class SyntheticFrames
{
    /// <summary>A smooth random texture (blurred noise) Farneback can track, shifted right by <paramref name="shiftX"/> pixels.</summary>
    public static Mat Texture(int width, int height, int shiftX = 0, int shiftY = 0)
    {
        var bytes = new byte[(height + 40) * (width + 40) * 3];
        new Random(1234).NextBytes(bytes);
        using var noise = Mat.FromPixelData(height + 40, width + 40, MatType.CV_8UC3, bytes);
        using var blurred = new Mat();
        Cv2.GaussianBlur(noise, blurred, new Size(7, 7), 2.0);
        using var window = new Mat(blurred, new Rect(20 - shiftX, 20 - shiftY, width, height));
        return window.Clone();
    }

    /// <summary>Writes an MP4V video of <paramref name="frames"/> frames with a moving textured square.</summary>
    public static void WriteVideo(string path, int frames = 40, int width = 64, int height = 48, double fps = 25)
    {
        using var writer = new VideoWriter(path, FourCC.MP4V, fps, new Size(width, height));
        if (!writer.IsOpened())
        {
            throw new InvalidOperationException($"VideoWriter could not open {path}");
        }

        for (int i = 0; i < frames; i++)
        {
            using var frame = Texture(width, height, shiftX: i % 10);
            writer.Write(frame);
        }
    }

    /// <summary>RGB uint8 bytes of an H x W x 3 texture frame shifted right by <paramref name="shiftX"/>.</summary>
    public static byte[] RgbTexture(int width, int height, int shiftX)
    {
        using var bgr = Texture(width, height, shiftX);
        using var rgb = new Mat();
        Cv2.CvtColor(bgr, rgb, ColorConversionCodes.BGR2RGB);
        var bytes = new byte[width * height * 3];
        rgb.GetArray(out Vec3b[] pixels);
        for (int i = 0; i < pixels.Length; i++)
        {
            bytes[3 * i] = pixels[i].Item0;
            bytes[(3 * i) + 1] = pixels[i].Item1;
            bytes[(3 * i) + 2] = pixels[i].Item2;
        }

        return bytes;
    }
}
