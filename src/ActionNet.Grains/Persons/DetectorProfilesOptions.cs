using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ActionNet.Grains.Persons;

/// <summary>
/// Every person-detector profile, read from the <see cref="SectionName"/> section: one child section per profile
/// (see <see cref="DetectorProfile"/> for the keys). A profile called "hog" running OpenCV's HOG detector is
/// always there unless configured otherwise. Names compare case-insensitively.
/// </summary>
public sealed class DetectorProfilesOptions
{
    // The record's own defaults, so the parser cannot drift from them.
    private static readonly DetectorProfile Defaults = new();

    /// <summary>The configuration section the profiles are read from.</summary>
    public const string SectionName = "ActionNet:Detectors";

    /// <summary>The profiles by name.</summary>
    public Dictionary<string, DetectorProfile> Profiles { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [DetectorProfile.Hog] = new DetectorProfile { Name = DetectorProfile.Hog },
    };

    /// <summary>Problems found while reading, one line each naming its key.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The profile names, sorted, for messages.</summary>
    public string KnownNames => string.Join(", ", Profiles.Keys.Order(StringComparer.OrdinalIgnoreCase));

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
                Errors.Add($"{key}:Model is missing: set it to 'hog' or the profile's PeopleNet .onnx file");
                model = "";
            }
            else if (!string.Equals(model, DetectorProfile.Hog, StringComparison.OrdinalIgnoreCase) && !File.Exists(model))
            {
                Errors.Add($"{key}:Model is '{model}', which does not exist: expected 'hog' or a PeopleNet .onnx file");
            }

            Profiles[child.Key] = new DetectorProfile
            {
                Name = child.Key,
                Model = model,
                Labels = string.IsNullOrWhiteSpace(child["Labels"]) ? null : child["Labels"],
                Threshold = Number(child, "Threshold", key, 0, 1) ?? Defaults.Threshold,
                Interval = Integer(child, "Interval", key, 1, 1000) ?? Defaults.Interval,
                MaxTracks = Integer(child, "MaxTracks", key, 1, 256) ?? Defaults.MaxTracks,
                Context = Number(child, "Context", key, 0, 2) ?? Defaults.Context,
            };
        }
    }

    /// <summary>The profile called <paramref name="name"/> ("hog" when null), or a one-line error naming the known ones.</summary>
    /// <exception cref="ArgumentException">No such profile.</exception>
    public DetectorProfile Get(string? name) =>
        Profiles.TryGetValue(name ?? DetectorProfile.Hog, out var profile)
            ? profile
            : throw new ArgumentException($"detector profile '{name}' is not configured; known detector profiles: {KnownNames} (configure {SectionName}:<name>:Model)", nameof(name));

    private int? Integer(IConfigurationSection profile, string name, string key, int min, int max)
    {
        var text = profile[name];
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Errors.Add($"{key}:{name} is '{text}'; expected a whole number from {min} to {max}");
        return null;
    }

    private double? Number(IConfigurationSection profile, string name, string key, double min, double max)
    {
        var text = profile[name];
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= min && value <= max)
        {
            return value;
        }

        Errors.Add($"{key}:{name} is '{text}'; expected a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        return null;
    }
}
