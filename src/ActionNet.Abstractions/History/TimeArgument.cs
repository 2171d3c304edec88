using System.Globalization;

namespace ActionNet.Abstractions.History;

/// <summary>
/// Parses the times <c>history</c> takes: <c>now</c>, a duration ago (<c>-90s</c>, <c>15m</c>, <c>2h</c>, <c>1d</c>),
/// or an ISO 8601 date/time (UTC unless it carries an offset).
/// </summary>
public static class TimeArgument
{
    // About 100 years: further back than any history, and well inside what DateTimeOffset can hold.
    private const double MaxDaysAgo = 36_500;

    /// <summary>Parses <paramref name="text"/>, given as <paramref name="name"/> (a flag or a parameter), relative to <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentException">The text is none of the accepted forms; the message names <paramref name="name"/>.</exception>
    public static DateTimeOffset Parse(string text, DateTimeOffset now, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (value.Equals("now", StringComparison.OrdinalIgnoreCase))
        {
            return now;
        }

        var unit = value.Length > 1 ? char.ToLowerInvariant(value[^1]) : '\0';
        var number = value.Length > 1 ? value[..^1].TrimStart('-') : string.Empty;
        if ("smhd".Contains(unit, StringComparison.Ordinal)
            && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            && double.IsFinite(amount) && amount <= MaxDaysAgo * (unit switch { 's' => 86_400, 'm' => 1_440, 'h' => 24, _ => 1 }))
        {
            var ago = unit switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            return now - ago;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        throw new ArgumentException($"{name} '{ActionNet.Abstractions.Cameras.CameraInputRules.Quote(text)}' is invalid: expected now, a duration ago such as 15m, 2h or 1d, or an ISO 8601 time such as 2026-11-25T16:00:00Z");
    }
}
