using System.Collections.ObjectModel;

namespace ActionNet.Onnx;

/// <summary>
/// Named model specs, e.g. <c>tiny-2d-rgb</c> or <c>resnet18-3d-flow</c>. All use NVIDIA's default
/// 32 frames of 224x224 and 5 classes; the <c>*-joint</c> presets are 2D. Names are case-insensitive.
/// </summary>
public static class ModelPresets
{
    private static readonly KeyValuePair<string, ModelSpec>[] Catalogue =
    [
        new("tiny-2d-rgb", new(ModelArchitecture.Tiny, ModelDimensions.TwoD, ModelInputs.Rgb)),
        new("tiny-3d-rgb", new(ModelArchitecture.Tiny, ModelDimensions.ThreeD, ModelInputs.Rgb)),
        new("tiny-2d-flow", new(ModelArchitecture.Tiny, ModelDimensions.TwoD, ModelInputs.Flow)),
        new("tiny-3d-flow", new(ModelArchitecture.Tiny, ModelDimensions.ThreeD, ModelInputs.Flow)),
        new("tiny-joint", new(ModelArchitecture.Tiny, ModelDimensions.TwoD, ModelInputs.Joint)),
        new("probe-2d-rgb", new(ModelArchitecture.Probe, ModelDimensions.TwoD, ModelInputs.Rgb)),
        new("probe-3d-rgb", new(ModelArchitecture.Probe, ModelDimensions.ThreeD, ModelInputs.Rgb)),
        new("probe-2d-flow", new(ModelArchitecture.Probe, ModelDimensions.TwoD, ModelInputs.Flow)),
        new("probe-3d-flow", new(ModelArchitecture.Probe, ModelDimensions.ThreeD, ModelInputs.Flow)),
        new("probe-joint", new(ModelArchitecture.Probe, ModelDimensions.TwoD, ModelInputs.Joint)),
        new("resnet18-2d-rgb", new(ModelArchitecture.ResNet18, ModelDimensions.TwoD, ModelInputs.Rgb)),
        new("resnet18-2d-flow", new(ModelArchitecture.ResNet18, ModelDimensions.TwoD, ModelInputs.Flow)),
        new("resnet18-3d-rgb", new(ModelArchitecture.ResNet18, ModelDimensions.ThreeD, ModelInputs.Rgb)),
        new("resnet18-3d-flow", new(ModelArchitecture.ResNet18, ModelDimensions.ThreeD, ModelInputs.Flow)),
    ];

    private static readonly ReadOnlyDictionary<string, ModelSpec> Presets =
        new(new Dictionary<string, ModelSpec>(Catalogue, StringComparer.OrdinalIgnoreCase));

    /// <summary>Every preset name, in catalogue order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Catalogue.Select(preset => preset.Key)];

    /// <summary>Every preset, keyed by name (case-insensitive).</summary>
    public static IReadOnlyDictionary<string, ModelSpec> All => Presets;

    /// <summary>The spec of preset <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such preset; the message lists the valid names.</exception>
    public static ModelSpec Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Presets.TryGetValue(name, out var spec)
            ? spec
            : throw new ArgumentException($"Unknown model preset '{name}'. Valid presets: {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>Looks up preset <paramref name="name"/> without throwing.</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelSpec? spec)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Presets.TryGetValue(name, out spec);
    }
}
