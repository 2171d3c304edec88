namespace ActionNet.Abstractions;

/// <summary>
/// How an error reaches a person: as one line. Shared by the CLI's messages, the API's problem details, camera
/// status and the silo's logs, so that the same failure reads the same everywhere.
/// </summary>
public static partial class ErrorText
{
    private const int MaxLength = 400;

    /// <summary>
    /// The first non-empty line of <paramref name="message"/>, without the " (Parameter 'name')" that
    /// <see cref="ArgumentException"/> appends (it names a C# parameter, not anything the user typed), and cut at
    /// 400 characters.
    /// </summary>
    public static string OneLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
        line = ParameterSuffix().Replace(line, string.Empty);
        return line.Length > MaxLength ? line[..MaxLength] + "..." : line;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\(Parameter '[^']*'\)$")]
    private static partial System.Text.RegularExpressions.Regex ParameterSuffix();
}
