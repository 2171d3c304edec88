namespace ActionNet.Inference.Detection;

/// <summary>
/// One proposed box of one class in network pixels, as DeepStream's <c>NvDsInferObjectDetectionInfo</c> holds it:
/// left, top, width, height and the coverage that proposed it.
/// </summary>
internal readonly record struct DetectionCandidate(float Left, float Top, float Width, float Height, float Confidence)
{
    public float Right => Left + Width;

    public float Bottom => Top + Height;

    public float Area => Width * Height;
}
