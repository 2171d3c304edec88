namespace ActionNet.Training;

/// <summary>One training window for ML.NET: its class index (label order) as the key and its standardised features.</summary>
internal sealed class TrainingRow
{
    public uint Label { get; set; }

    public float[] Features { get; set; } = [];
}
