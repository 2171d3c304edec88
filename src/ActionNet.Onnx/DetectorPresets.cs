using System.Collections.ObjectModel;

namespace ActionNet.Onnx;

/// <summary>
/// Named detector specs that follow PeopleNet's contract: <c>peoplenet-probe</c> (outputs a known function of
/// the input, for exact decoding tests) and <c>peoplenet-resnet18</c> (PeopleNet-sized, for cost measurements).
/// Both at PeopleNet's 960x544 with person, bag, face. Names are case-insensitive.
/// </summary>
public static class DetectorPresets
{
    private static readonly KeyValuePair<string, DetectorSpec>[] Catalogue =
    [
        new("peoplenet-probe", new(DetectorArchitecture.Probe)),
        new("peoplenet-resnet18", new(DetectorArchitecture.ResNet18)),
    ];

    private static readonly ReadOnlyDictionary<string, DetectorSpec> Presets =
        new(new Dictionary<string, DetectorSpec>(Catalogue, StringComparer.OrdinalIgnoreCase));

    /// <summary>Every preset name, in catalogue order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Catalogue.Select(preset => preset.Key)];

    /// <summary>Looks up preset <paramref name="name"/> without throwing.</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DetectorSpec? spec)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Presets.TryGetValue(name, out spec);
    }
}
