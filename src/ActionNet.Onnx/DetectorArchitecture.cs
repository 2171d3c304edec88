namespace ActionNet.Onnx;

/// <summary>The network a generated detector runs behind PeopleNet's DetectNet_v2 tensor contract.</summary>
public enum DetectorArchitecture
{
    /// <summary>
    /// Outputs that are a known function of the input, so a test can check decoding exactly through ONNX
    /// Runtime. With P = the input averaged over each cell's 16x16 block (AveragePool, kernel = stride = 16),
    /// so P[c] is channel c's mean of x/255 in that cell: coverage plane c = P[c mod 3] (R drives person, G bag,
    /// B face), and for every class the four box planes are x1 = x2 = <see cref="DetectorGenerator.ProbeBoxScaleX"/>
    /// * P[G] and y1 = y2 = <see cref="DetectorGenerator.ProbeBoxScaleY"/> * P[B]. Decoded by DeepStream's rule,
    /// a cell at (h, w) gives the box centred on (16w + 0.5, 16h + 0.5) with half-width 35 * 2 * P[G] and
    /// half-height 35 * 4 * P[B] network pixels.
    /// </summary>
    Probe,

    /// <summary>
    /// PeopleNet-sized for cost measurements, seeded random weights: a ResNet18 backbone (stem 7x7/2, then
    /// BasicBlock stages of 64/128/256/512 channels with strides 2, 2, 2, 1, projection shortcuts, no max-pool,
    /// so features are at 1/16 of the input) and DetectNet_v2's two 1x1 heads: coverage (C planes, Sigmoid)
    /// and boxes (4C planes).
    /// </summary>
    ResNet18,
}
