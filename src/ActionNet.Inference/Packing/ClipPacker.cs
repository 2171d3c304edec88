using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActionNet.Inference.Contracts;
using ActionNet.Vision.Clips;

namespace ActionNet.Inference.Packing;

/// <summary>
/// Turns a uint8 <see cref="ClipFrames"/> (T, H, W, C interleaved) into the float tensor a model input
/// wants, normalised as x' = (x/255 - 0.5) / 0.5. Packed2D [C*T, H, W] (channel c*T + t) and
/// Volumetric3D [C, T, H, W] share one memory order, c*T*H*W + t*H*W + y*W + x; only the shape differs.
/// RGB stays R, G, B; flow becomes [u0..u(T-1), v0..v(T-1)].
/// </summary>
public static class ClipPacker
{
    private static readonly float[] Table = BuildTable();

    /// <summary>The normalisation of every byte value: entry x = (x/255 - 0.5) / 0.5, from -1 to 1.</summary>
    public static ReadOnlySpan<float> NormalisationTable => Table;

    /// <summary>The normalised value of one byte.</summary>
    public static float Normalise(byte value) => Table[value];

    /// <summary>The tensor shape for <paramref name="batch"/> clips of <paramref name="spec"/>.</summary>
    public static long[] ShapeOf(ModelInputSpec spec, int batch)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        return spec.Layout == TensorLayout.Packed2D
            ? [batch, spec.Channels * spec.Frames, spec.Height, spec.Width]
            : [batch, spec.Channels, spec.Frames, spec.Height, spec.Width];
    }

    /// <summary>Throws a one-line <see cref="ArgumentException"/> if the clip does not fit the input.</summary>
    public static void Validate(ClipFrames clip, ModelInputSpec spec)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(spec);
        if (clip.Kind != spec.Kind || clip.Length != spec.Frames || clip.Height != spec.Height || clip.Width != spec.Width)
        {
            throw new ArgumentException(
                $"clip does not fit model input '{spec.Name}': found {clip.Kind} T={clip.Length} {clip.Height}x{clip.Width}; expected {spec.Kind} T={spec.Frames} {spec.Height}x{spec.Width}",
                nameof(clip));
        }
    }

    /// <summary>
    /// Normalises and packs one clip into the first <see cref="ModelInputSpec.ElementsPerClip"/> floats
    /// of <paramref name="destination"/>. Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The clip does not fit the input, or the destination is too short.</exception>
    public static void Pack(ClipFrames clip, ModelInputSpec spec, Span<float> destination)
    {
        Validate(clip, spec);
        if (destination.Length < spec.ElementsPerClip)
        {
            throw new ArgumentException($"destination holds {destination.Length} floats; expected at least {spec.ElementsPerClip} for input '{spec.Name}'", nameof(destination));
        }

        var plane = spec.Height * spec.Width;
        var channelStride = spec.Frames * plane;
        ReadOnlySpan<byte> source = clip.Data.AsSpan(0, clip.Length * clip.FrameBytes);
        for (var t = 0; t < spec.Frames; t++)
        {
            // A frame's rows are contiguous in both source and destination, so a whole frame is one "row".
            var frame = source.Slice(t * clip.FrameBytes, clip.FrameBytes);
            var first = destination.Slice(t * plane, plane);
            var second = destination.Slice(channelStride + (t * plane), plane);
            if (spec.Channels == 3)
            {
                var third = destination.Slice((2 * channelStride) + (t * plane), plane);
                DeinterleaveThree(frame, first, second, third);
            }
            else
            {
                DeinterleaveTwo(frame, first, second);
            }
        }
    }

    private static void DeinterleaveThree(ReadOnlySpan<byte> pixels, Span<float> r, Span<float> g, Span<float> b)
    {
        ref var lut = ref MemoryMarshal.GetArrayDataReference(Table);
        ref var src = ref MemoryMarshal.GetReference(pixels);
        ref var r0 = ref MemoryMarshal.GetReference(r);
        ref var g0 = ref MemoryMarshal.GetReference(g);
        ref var b0 = ref MemoryMarshal.GetReference(b);
        var count = r.Length;
        for (nint x = 0, s = 0; x < count; x++, s += 3)
        {
            Unsafe.Add(ref r0, x) = Unsafe.Add(ref lut, Unsafe.Add(ref src, s));
            Unsafe.Add(ref g0, x) = Unsafe.Add(ref lut, Unsafe.Add(ref src, s + 1));
            Unsafe.Add(ref b0, x) = Unsafe.Add(ref lut, Unsafe.Add(ref src, s + 2));
        }
    }

    private static void DeinterleaveTwo(ReadOnlySpan<byte> pixels, Span<float> u, Span<float> v)
    {
        ref var lut = ref MemoryMarshal.GetArrayDataReference(Table);
        ref var src = ref MemoryMarshal.GetReference(pixels);
        ref var u0 = ref MemoryMarshal.GetReference(u);
        ref var v0 = ref MemoryMarshal.GetReference(v);
        var count = u.Length;
        for (nint x = 0, s = 0; x < count; x++, s += 2)
        {
            Unsafe.Add(ref u0, x) = Unsafe.Add(ref lut, Unsafe.Add(ref src, s));
            Unsafe.Add(ref v0, x) = Unsafe.Add(ref lut, Unsafe.Add(ref src, s + 1));
        }
    }

    private static float[] BuildTable()
    {
        var table = new float[256];
        for (var x = 0; x < table.Length; x++)
        {
            table[x] = (float)(((x / 255.0) - 0.5) / 0.5);
        }

        return table;
    }
}
