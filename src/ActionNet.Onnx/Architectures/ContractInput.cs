namespace ActionNet.Onnx.Architectures;

/// <summary>One input of the ActionRecognitionNet contract: its tensor name, channel names and packing.</summary>
internal sealed record ContractInput(string Name, IReadOnlyList<string> ChannelNames, ModelSpec Spec)
{
    public const string RgbName = "input_rgb";
    public const string FlowName = "input_of";

    public int Channels => ChannelNames.Count;

    /// <summary>Channel planes in the 2D packed order: C*T.</summary>
    public int Planes => Channels * Spec.Frames;

    public bool IsThreeD => Spec.Dimensions == ModelDimensions.ThreeD;

    public Graph.TensorDim[] Shape => IsThreeD
        ? [Graph.TensorDim.Batch, Channels, Spec.Frames, Spec.Height, Spec.Width]
        : [Graph.TensorDim.Batch, Planes, Spec.Height, Spec.Width];

    public static IReadOnlyList<ContractInput> For(ModelSpec spec) => spec.Inputs switch
    {
        ModelInputs.Rgb => [Rgb(spec)],
        ModelInputs.Flow => [Flow(spec)],
        ModelInputs.Joint => [Rgb(spec), Flow(spec)],
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Inputs, "Unknown model inputs."),
    };

    /// <summary>Labels for each channel plane in packed order, e.g. R_t0..R_t31, G_t0.., B_t0...</summary>
    public IEnumerable<string> PlaneLabels()
    {
        foreach (var channel in ChannelNames)
        {
            for (var t = 0; t < Spec.Frames; t++)
            {
                yield return $"{channel}_t{t}";
            }
        }
    }

    private static ContractInput Rgb(ModelSpec spec) => new(RgbName, ["R", "G", "B"], spec);

    private static ContractInput Flow(ModelSpec spec) => new(FlowName, ["u", "v"], spec);
}
