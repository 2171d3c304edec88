using System.Text.RegularExpressions;

namespace ActionNet.Cli.Output;

/// <summary>
/// Rewrites System.CommandLine's parse errors into the user's words: "Cannot parse argument 'abc' for
/// option '--frames' as expected type 'System.Nullable`1[System.Int32]'" becomes
/// "--frames 'abc' is invalid: expected a whole number". Options with bounds say them themselves
/// (see <c>NumberOptions</c>); this covers every other typed option and argument.
/// </summary>
public static partial class ParseErrorText
{
    /// <summary>The message for one parse error, on one line.</summary>
    public static string Explain(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var match = CannotParse().Match(line);
        if (!match.Success)
        {
            return line;
        }

        var value = ActionNet.Abstractions.Cameras.CameraInputRules.Quote(match.Groups["value"].Value);
        return $"{match.Groups["name"].Value} '{value}' is invalid: expected {Expected(match.Groups["type"].Value, match.Groups["choices"].Value)}";
    }

    private static string Expected(string type, string choices)
    {
        if (choices.Length > 0)
        {
            return "one of " + string.Join(", ", choices.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToLowerInvariant()));
        }

        return type switch
        {
            _ when type.Contains("Int", StringComparison.Ordinal) => "a whole number",
            _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Single", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) => "a number",
            _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
            _ when type.Contains("FileInfo", StringComparison.Ordinal) || type.Contains("DirectoryInfo", StringComparison.Ordinal) => "a path",
            _ => "a valid value (see --help)",
        };
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|command|argument) '(?<name>[^']*)' as expected type '(?<type>[^']*)'\.(?:\s*Did you mean one of the following\?\s*(?<choices>.*))?$")]
    private static partial Regex CannotParse();
}
