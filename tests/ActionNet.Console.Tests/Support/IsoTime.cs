using System.Globalization;

namespace ActionNet.Console.Tests.Support;

/// <summary>Times as the console writes them in its addresses: JavaScript's <c>toISOString()</c> (UTC, milliseconds).</summary>
public static class IsoTime
{
    /// <summary><paramref name="time"/> as <c>2026-12-03T07:00:00.000Z</c>.</summary>
    public static string Of(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary><paramref name="time"/> truncated to whole milliseconds (what a browser's Date keeps).</summary>
    public static DateTimeOffset Milliseconds(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond), time.Offset);

    /// <summary>A query value for the API.</summary>
    public static string Query(DateTimeOffset time) => Uri.EscapeDataString(Of(time));
}
