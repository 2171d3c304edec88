using OpenCvSharp;

namespace ActionNet.Vision.Frames;

/// <summary>The colour transform from packed Y, Cb, Cr to R, G, B that model frames made from planar YUV go through (<see cref="Cv2.Transform"/>).</summary>
internal static class YuvToRgb
{
    // Y'CbCr BT.601, limited range (Y 16..235, Cb/Cr 16..240), to RGB: what ffmpeg's H.264 decoders produce.
    // The offset is swscale's: its x86 SIMD converter, which OpenCV's VideoCapture (and so `classify`) goes
    // through, truncates its fixed-point products and comes out about 1.5 levels below the exact formula
    // (measured on smooth gradients: 1.5-1.8 per channel); subtracting it keeps the two paths unbiased.
    private const double SwscaleTruncation = 1.5;

    private static readonly Lazy<Mat> Matrix = new(() =>
    {
        const double Ky = 255.0 / 219.0;
        const double Kc = 255.0 / 224.0;
        double[,] m =
        {
            { Ky, 0, 1.402 * Kc, 0 },
            { Ky, -0.344136 * Kc, -0.714136 * Kc, 0 },
            { Ky, 1.772 * Kc, 0, 0 },
        };
        for (var r = 0; r < 3; r++)
        {
            m[r, 3] = (-16 * m[r, 0]) - (128 * (m[r, 1] + m[r, 2])) - SwscaleTruncation;
        }

        return Mat.FromArray(m);
    });

    /// <summary>The 3 x 4 matrix (Y, Cb, Cr, 1) to (R, G, B); shared, never disposed.</summary>
    public static Mat Bt601Limited => Matrix.Value;
}
