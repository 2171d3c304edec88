using System.Globalization;
using ActionNet.Vision.Frames;
using Microsoft.Extensions.Configuration;

namespace ActionNet.Grains.Inference;

/// <summary>
/// Every model profile, read from the <see cref="SectionName"/> section: one child section per profile
/// (see <see cref="ModelProfile"/> for the keys). Names compare case-insensitively.
/// </summary>
public sealed class ModelProfilesOptions
{
    // The record's own defaults, so the parser cannot drift from them.
    private static readonly ModelProfile Defaults = new();

    /// <summary>The configuration section the profiles are read from.</summary>
    public const string SectionName = "ActionNet:Profiles";

    /// <summary>The profiles by name.</summary>
    public Dictionary<string, ModelProfile> Profiles { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Problems found while reading, one line each naming its key.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The profile names, sorted, for messages.</summary>
    public string KnownNames => Profiles.Count == 0 ? "(none configured)" : string.Join(", ", Profiles.Keys.Order(StringComparer.OrdinalIgnoreCase));

    /// <summary>Reads every profile under <paramref name="section"/>; bad values go to <see cref="Errors"/>.</summary>
    public void Read(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        foreach (var child in section.GetChildren())
        {
            var key = $"{SectionName}:{child.Key}";
            var model = child["Model"];
            if (string.IsNullOrWhiteSpace(model))
            {
                Errors.Add($"{key}:Model is missing: set it to the profile's .onnx file");
            }
            else if (!File.Exists(model))
            {
                Errors.Add($"{key}:Model is '{model}', which does not exist");
            }

            var accelerators = child.GetSection("Accelerators");
            Profiles[child.Key] = new ModelProfile
            {
                Name = child.Key,
                Model = model ?? "",
                Labels = string.IsNullOrWhiteSpace(child["Labels"]) ? null : child["Labels"],
                Accelerators = accelerators.Value is { } list
                    ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : [.. accelerators.GetChildren().Select(c => c.Value?.Trim() ?? "").Where(v => v.Length > 0)],
                Stride = child["Stride"] is null ? null : Integer(child, "Stride", key, 1),
                Subsample = Integer(child, "Subsample", key, 0) ?? Defaults.Subsample,
                MaxBatch = Integer(child, "MaxBatch", key, 1) ?? Defaults.MaxBatch,
                MaxWaitMs = Integer(child, "MaxWaitMs", key, 0) ?? Defaults.MaxWaitMs,
                Resize = Resize(child, key),
                Capacity = Number(child, "Capacity", key, strictlyPositive: true) ?? Defaults.Capacity,
                EmulatedDeviceMsPerWindow = Number(child, "EmulatedDeviceMsPerWindow", key, strictlyPositive: false) ?? Defaults.EmulatedDeviceMsPerWindow,
            };
        }
    }

    /// <summary>The profile called <paramref name="name"/>, or a one-line error naming the known ones.</summary>
    /// <exception cref="ArgumentException">No such profile.</exception>
    public ModelProfile Get(string? name) =>
        name is not null && Profiles.TryGetValue(name, out var profile)
            ? profile
            : throw new ArgumentException($"model profile '{name}' is not configured; known profiles: {KnownNames} (configure {SectionName}:<name>:Model)", nameof(name));

    private int? Integer(IConfigurationSection profile, string name, string key, int min)
    {
        var text = profile[name];
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min)
        {
            return value;
        }

        Errors.Add($"{key}:{name} is '{text}'; expected a whole number of at least {min}");
        return null;
    }

    private double? Number(IConfigurationSection profile, string name, string key, bool strictlyPositive)
    {
        var text = profile[name];
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) && (strictlyPositive ? value > 0 : value >= 0) && value <= 1e6)
        {
            return value;
        }

        Errors.Add($"{key}:{name} is '{text}'; expected a number {(strictlyPositive ? "above 0" : "of 0 or more")} and at most 1000000");
        return null;
    }

    private ResizeMode Resize(IConfigurationSection profile, string key)
    {
        var text = profile["Resize"];
        if (text is null)
        {
            return ResizeMode.Stretch;
        }

        if (Enum.TryParse<ResizeMode>(text, ignoreCase: true, out var mode) && Enum.IsDefined(mode))
        {
            return mode;
        }

        Errors.Add($"{key}:Resize is '{text}'; expected Stretch or CenterCrop");
        return ResizeMode.Stretch;
    }
}
