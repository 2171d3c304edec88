namespace ActionNet.Vision.Flow;

/// <summary>
/// NVIDIA's 8-bit optical-flow encoding (tao_toolkit_recipes <c>data_generation/convert_of.py</c>):
/// per frame pair max_rad = max(1.0, max over pixels of sqrt(u^2 + v^2)), then
/// u8 = uint8(u / max_rad * 127.999 + 128) and the same for v, so 128 means no motion.
/// Arithmetic is float32 as in numpy, and the cast truncates toward zero like <c>astype(uint8)</c>
/// (the value is always inside [0.001, 255.999]).
/// Input flow is interleaved float pairs (u, v) per pixel, as OpenCV's CV_32FC2 flow field.
/// </summary>
public static class FlowEncoder
{
    /// <summary>The normaliser of one flow field: the largest vector length, never below 1.</summary>
    public static float MaxRadius(ReadOnlySpan<float> flowUv)
    {
        RequireEven(flowUv.Length);
        float maxSquared = 0f;
        for (int i = 0; i < flowUv.Length; i += 2)
        {
            float u = flowUv[i];
            float v = flowUv[i + 1];
            maxSquared = Math.Max(maxSquared, (u * u) + (v * v));
        }

        return Math.Max(1.0f, MathF.Sqrt(maxSquared));
    }

    /// <summary>Encodes one flow component with a frame's <paramref name="maxRadius"/>.</summary>
    public static byte EncodeComponent(float value, float maxRadius) => (byte)((value / maxRadius * 127.999f) + 128f);

    /// <summary>Encodes a flow field into interleaved u, v bytes (H x W x 2), the <c>ClipFrames</c> flow layout.</summary>
    public static void EncodeInterleaved(ReadOnlySpan<float> flowUv, Span<byte> uvDestination)
    {
        if (uvDestination.Length < flowUv.Length)
        {
            throw new ArgumentException($"destination holds {uvDestination.Length} bytes, the flow field needs {flowUv.Length}", nameof(uvDestination));
        }

        float maxRadius = MaxRadius(flowUv);
        for (int i = 0; i < flowUv.Length; i++)
        {
            uvDestination[i] = EncodeComponent(flowUv[i], maxRadius);
        }
    }

    /// <summary>Encodes a flow field into separate u and v planes (H x W each), as the dataset's u/ and v/ images.</summary>
    public static void EncodePlanes(ReadOnlySpan<float> flowUv, Span<byte> uDestination, Span<byte> vDestination)
    {
        int pixels = flowUv.Length / 2;
        if (uDestination.Length < pixels || vDestination.Length < pixels)
        {
            throw new ArgumentException($"u and v planes need {pixels} bytes each, got {uDestination.Length} and {vDestination.Length}");
        }

        float maxRadius = MaxRadius(flowUv);
        for (int p = 0; p < pixels; p++)
        {
            uDestination[p] = EncodeComponent(flowUv[2 * p], maxRadius);
            vDestination[p] = EncodeComponent(flowUv[(2 * p) + 1], maxRadius);
        }
    }

    private static void RequireEven(int length)
    {
        if (length % 2 != 0)
        {
            throw new ArgumentException($"a flow field is (u, v) pairs; got an odd number of values ({length})");
        }
    }
}
