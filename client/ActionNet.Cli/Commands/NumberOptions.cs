using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ActionNet.Cli.Commands;

/// <summary>
/// Options that take a bounded number and say, in the user's words, what was expected when the value is
/// not one: <c>--stride '99999999999' is invalid: expected a whole number from 1 to 1000</c>, never a
/// .NET type name. NaN, Infinity and values past the bound are refused.
/// </summary>
public static class NumberOptions
{
    /// <summary>An optional whole number from <paramref name="min"/> to <paramref name="max"/>; null when not given.</summary>
    public static Option<int?> Whole(string name, string description, int min, int max)
    {
        var option = new Option<int?>(name) { Description = $"{description} ({min} to {max})" };
        option.CustomParser = result =>
        {
            var text = Single(result);
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return (int)value;
            }

            result.AddError($"{name} '{Shown(text)}' is invalid: expected a whole number from {min} to {max}");
            return null;
        };
        return option;
    }

    /// <summary>
    /// An optional number above <paramref name="min"/> (or from it, when <paramref name="minIncluded"/>) and at
    /// most <paramref name="max"/>; null when not given.
    /// </summary>
    public static Option<double?> Decimal(string name, string description, double min, double max, bool minIncluded = false)
    {
        var bounds = $"{(minIncluded ? "from" : "more than")} {min.ToString(CultureInfo.InvariantCulture)} {(minIncluded ? "to" : "and at most")} {max.ToString(CultureInfo.InvariantCulture)}";
        var option = new Option<double?>(name) { Description = $"{description} ({bounds})" };
        option.CustomParser = result =>
        {
            var text = Single(result);
            if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
                && double.IsFinite(value) && (value > min || (minIncluded && value == min)) && value <= max)
            {
                return value;
            }

            result.AddError($"{name} '{Shown(text)}' is invalid: expected a number {bounds}");
            return null;
        };
        return option;
    }

    private static string Single(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;

    private static string Shown(string text) => ActionNet.Abstractions.Cameras.CameraInputRules.Quote(text);
}
