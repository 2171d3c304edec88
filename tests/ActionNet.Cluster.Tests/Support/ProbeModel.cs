using ActionNet.Onnx;

namespace ActionNet.Cluster.Tests.Support;

/// <summary>
/// The probe model the clusters score with: T=8 frames of 32x32, so windows are cheap. Its logit j is
/// the spatial mean of packed input plane j = c*T + t after (x/255 - 0.5)/0.5, so for a solid-colour
/// video every logit is known from the colour alone; its K = 3T labels are R_t0..R_t7, G_t0.., B_t0...
/// </summary>
public static class ProbeModel
{
    /// <summary>Frames per window (T).</summary>
    public const int Frames = 8;

    /// <summary>Model height and width.</summary>
    public const int Size = 32;

    /// <summary>Writes the model (and its labels file beside it) into <paramref name="folder"/>; returns the .onnx path.</summary>
    public static string Write(string folder) =>
        ModelGenerator.Write(ModelPresets.Get("probe-2d-rgb") with { Frames = Frames, Height = Size, Width = Size }, Path.Combine(folder, "probe-2d-rgb.onnx")).OnnxPath;

    /// <summary>The label of plane <paramref name="channel"/> (0 R, 1 G, 2 B), frame <paramref name="t"/>.</summary>
    public static string Label(int channel, int t) => $"{"RGB"[channel]}_t{t}";

    /// <summary>The model's labels in index order.</summary>
    public static string[] Labels => [.. Enumerable.Range(0, 3 * Frames).Select(j => Label(j / Frames, j % Frames))];

    /// <summary>The softmax the probe gives every window of a video whose frames are all <paramref name="colour"/>.</summary>
    public static double[] Probabilities(SolidColour colour)
    {
        ArgumentNullException.ThrowIfNull(colour);
        double[] channels = [Normalise(colour.Red), Normalise(colour.Green), Normalise(colour.Blue)];
        var logits = Enumerable.Range(0, 3 * Frames).Select(j => channels[j / Frames]).ToArray();
        var max = logits.Max();
        var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
        var sum = exp.Sum();
        return [.. exp.Select(e => e / sum)];
    }

    private static double Normalise(byte value) => ((value / 255.0) - 0.5) / 0.5;
}
