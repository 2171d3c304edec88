using System.Text.Json;

namespace ActionNet.Cli.Tests.Support;

/// <summary>Reads the arrays the CLI's JSON holds.</summary>
public static class JsonValues
{
    /// <summary>An array of numbers as doubles.</summary>
    public static double[] Doubles(this JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    /// <summary>An array of integers.</summary>
    public static int[] Ints(this JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    /// <summary>An array of strings.</summary>
    public static string[] Strings(this JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString() ?? string.Empty)];

    /// <summary>The index of the largest value.</summary>
    public static int ArgMax(this double[] values) => Array.IndexOf(values, values.Max());
}
