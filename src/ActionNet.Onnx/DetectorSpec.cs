namespace ActionNet.Onnx;

/// <summary>
/// What detector to generate: architecture, input size <paramref name="Height"/> x <paramref name="Width"/> in
/// pixels (multiples of <see cref="DetectorGenerator.Stride"/>; the grid is H/16 x W/16), number of classes and
/// the seed of its random weights. The defaults are PeopleNet's: 960x544, 3 classes (person, bag, face).
/// </summary>
public sealed record DetectorSpec(
    DetectorArchitecture Architecture,
    int Height = 544,
    int Width = 960,
    int Classes = 3,
    int Seed = 1);
