using System.Globalization;

namespace ActionNet.Abstractions.Cameras;

/// <summary>
/// The rules every camera input meets wherever it enters (the CLI, the camera grain, a future API): text
/// without control characters, bounded lengths and numbers, and a source that is either a local path or
/// an rtsp://, rtsps://, http:// or https:// URL (scheme in any case) with a host that can be a real name.
/// Checks that need the silo (model profiles, media folders, file sizes) come on top, in the grains.
/// Every problem is one line that names the input and says what was expected.
/// </summary>
public static class CameraInputRules
{
    /// <summary>The longest source (path or URL), in characters.</summary>
    public const int MaxSourceLength = 4096;

    /// <summary>The longest model profile name, in characters.</summary>
    public const int MaxProfileNameLength = 64;

    /// <summary>The most frames between the starts of two windows.</summary>
    public const int MaxStride = 1000;

    /// <summary>The most frames skipped between two kept ones (100 keeps every 101st frame).</summary>
    public const int MaxSubsample = 100;

    /// <summary>The highest frame-rate cap, in frames per second.</summary>
    public const double MaxFpsCap = 240;

    /// <summary>The largest region coordinate or size, in pixels (16K video).</summary>
    public const int MaxRegionPixels = 16384;

    /// <summary>The most days of history a camera may keep (about 100 years; 0 keeps everything).</summary>
    public const int MaxRetentionDays = 36_500;

    /// <summary>The URL schemes a camera source may use, in lowercase; they compare case-insensitively.</summary>
    public static readonly IReadOnlyList<string> NetworkSchemes = ["rtsp", "rtsps", "http", "https"];

    /// <summary>The first problem with <paramref name="registration"/>, or null when it meets every rule here.</summary>
    public static string? Problem(CameraRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return SourceProblem(registration.Source)
            ?? TextProblem("model profile", registration.ModelProfile, MaxProfileNameLength)
            ?? RangeProblem("stride", registration.Stride, 1, MaxStride, "frames between windows")
            ?? RangeProblem("subsample", registration.Subsample, 0, MaxSubsample, "skipped frames")
            ?? FpsProblem(registration.FpsCap)
            ?? RegionProblem(registration.Region)
            ?? RangeProblem("retention", registration.RetentionDays, 0, MaxRetentionDays, "days (0 keeps everything)")
            ?? PersonsProblem(registration);
    }

    /// <summary>
    /// Why the person-mode settings cannot be, or null: a detector named without person mode, a detector name
    /// that is not a name, or a region together with person mode (each person's box is the region there).
    /// </summary>
    public static string? PersonsProblem(CameraRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (registration.Detector is { } detector)
        {
            if (!registration.Persons)
            {
                return $"detector '{Quote(detector)}' is only used in person mode: add persons (--persons)";
            }

            if (TextProblem("detector profile", detector, MaxProfileNameLength) is { } text)
            {
                return text;
            }
        }

        return registration.Persons && registration.Region is not null
            ? "a region of interest and person mode cannot be combined: in person mode each tracked person's box is the region the model sees"
            : null;
    }

    /// <summary>Throws a one-line <see cref="ArgumentException"/> naming the first problem (see <see cref="Problem"/>).</summary>
    public static void Validate(CameraRegistration registration)
    {
        if (Problem(registration) is { } problem)
        {
            // No parameter name: the message is shown as it is, in the CLI and in the camera's status.
            throw new ArgumentException(problem);
        }
    }

    /// <summary>
    /// Why <paramref name="source"/> can never be a camera source, or null: empty, longer than
    /// <see cref="MaxSourceLength"/>, a control character, an unsupported scheme, or a host that is not a
    /// name or address. Whether a file exists is the silo's to say.
    /// </summary>
    public static string? SourceProblem(string? source)
    {
        if (TextProblem("source", source, MaxSourceLength) is { } text)
        {
            return text;
        }

        var url = new SourceUrl(source!);
        if (!url.IsUrl)
        {
            return source!.Contains("://", StringComparison.Ordinal)
                ? $"source '{Quote(url.Display)}' is not a URL: expected rtsp://, rtsps://, http:// or https:// followed by a host"
                : null;
        }

        if (!NetworkSchemes.Contains(url.Scheme))
        {
            return $"source '{Quote(url.Display)}' uses '{url.Scheme}://'; expected rtsp://, rtsps://, http://, https:// or a local video file";
        }

        return HostProblem(url.Host) is { } host ? $"source '{Quote(url.Display)}' has {host}" : null;
    }

    /// <summary>
    /// Why <paramref name="text"/> cannot be stored as the <paramref name="what"/> (one of the inputs: a
    /// source, a profile, a label), or null: empty, longer than <paramref name="maxLength"/>, or holding a
    /// control character (a new line in a URL could forge a log line or break a listing).
    /// </summary>
    public static string? TextProblem(string what, string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"the {what} is empty";
        }

        if (text.Length > maxLength)
        {
            return $"the {what} is {text.Length} characters long; expected at most {maxLength}";
        }

        var control = text.FirstOrDefault(char.IsControl);
        return control != default || text.Contains('\0', StringComparison.Ordinal)
            ? $"the {what} '{Quote(text)}' holds a control character (U+{(int)control:X4}); expected printable characters only"
            : null;
    }

    /// <summary>
    /// <paramref name="text"/> fit to repeat in a one-line message: control characters written as
    /// <c>\u000A</c>, and cut at 120 characters.
    /// </summary>
    public static string Quote(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var shown = new System.Text.StringBuilder();
        foreach (var c in text.Length > 120 ? text[..120] : text)
        {
            shown.Append(char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return text.Length > 120 ? shown.Append("...").ToString() : shown.ToString();
    }

    private static string? RangeProblem(string what, int? value, int min, int max, string unit) =>
        value is { } v && (v < min || v > max) ? $"{what} is {v}; expected {min} to {max} {unit}" : null;

    private static string? FpsProblem(double? cap) =>
        cap is { } c && !(c > 0 && c <= MaxFpsCap)
            ? $"fps cap is {(double.IsFinite(c) ? c.ToString(CultureInfo.InvariantCulture) : double.IsNaN(c) ? "NaN" : "Infinity")}; expected more than 0 and at most {MaxFpsCap.ToString(CultureInfo.InvariantCulture)} frames per second"
            : null;

    private static string? RegionProblem(RegionOfInterest? region) =>
        region is { } r && (r.X < 0 || r.Y < 0 || r.Width < 1 || r.Height < 1 || r.X > MaxRegionPixels || r.Y > MaxRegionPixels || r.Width > MaxRegionPixels || r.Height > MaxRegionPixels)
            ? $"region ({r.X},{r.Y}) {r.Width}x{r.Height} is invalid: expected x and y from 0 and width and height from 1, all at most {MaxRegionPixels} pixels"
            : null;

    // A host that no name service can ever resolve: empty, a label starting with '-' (which a decoder may
    // read as an option), characters outside a DNS name, or a malformed port.
    private static string? HostProblem(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return "no host; expected a host name or address after '//'";
        }

        if (host.StartsWith('['))
        {
            return host.EndsWith(']') && host[1..^1].All(c => char.IsAsciiHexDigit(c) || c is ':' or '.' or '%')
                ? null
                : $"host '{Quote(host)}', which is not an IPv6 address";
        }

        var labels = host.Split('.');
        var valid = host.Length <= 253 && labels.All(l => l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
        return valid ? null : $"host '{Quote(host)}', which is not a host name or address: expected letters, digits, '-' and '.', not starting with '-'";
    }
}
