namespace ActionNet.Onnx;

/// <summary>
/// Trained weights of a linear classifier over a fixed feature vector: logits = W x + b, with
/// <paramref name="Weights"/> row-major [classes, features] and <paramref name="Biases"/> [classes].
/// </summary>
public sealed record LinearHead(float[] Weights, float[] Biases)
{
    /// <summary>Number of classes (rows of W).</summary>
    public int Classes => Biases.Length;

    /// <summary>Number of input features (columns of W).</summary>
    public int Features => Biases.Length == 0 ? 0 : Weights.Length / Biases.Length;
}
