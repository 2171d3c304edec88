namespace ActionNet.Onnx.Architectures;

/// <summary>
/// The per-frame moments of a non-negative map [N, T, H, W], as tensor names, each [N, T]: its mass (mean
/// over pixels) and its centroid and spread in x and y on a [-1, 1] grid.
/// </summary>
internal readonly record struct MapMoments(string Mass, string CentreX, string CentreY, string SpreadX, string SpreadY);
