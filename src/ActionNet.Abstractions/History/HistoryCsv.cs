using System.Globalization;
using System.Text;

namespace ActionNet.Abstractions.History;

/// <summary>
/// History as CSV (RFC 4180): every cell that holds a comma, a quote or a line break is quoted, headers
/// included, and a text cell a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
/// carriage return) is prefixed with an apostrophe.
/// </summary>
public static class HistoryCsv
{
    /// <summary>
    /// The header row for events scored with <paramref name="labels"/>: the event, its track and box (empty for whole-frame
    /// labels), then one probability column per label.
    /// </summary>
    public static string Header(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return string.Join(",", new[] { "camera", "sequence", "start", "end", "label", "confidence", "model", "silo", "track", "x1", "y1", "x2", "y2" }.Concat(labels.Select(l => "p_" + l)).Select(Cell));
    }

    /// <summary>One event as a row.</summary>
    public static string Row(ActionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var fields = new[]
        {
            Cell(e.CameraId),
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            e.End.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            Cell(e.Label),
            e.Confidence.ToString("R", CultureInfo.InvariantCulture),
            Cell(e.Model),
            Cell(e.Silo),
            Cell(e.TrackId ?? ""),
        }.Concat(Enumerable.Range(0, 4).Select(i => e.Box is { Length: 4 } box ? box[i].ToString("R", CultureInfo.InvariantCulture) : ""))
        .Concat(e.Probabilities.Select(p => p.ToString("R", CultureInfo.InvariantCulture)));
        return string.Join(",", fields);
    }

    /// <summary>A header and one row per event, the header named after the first event's labels.</summary>
    public static string Write(IReadOnlyList<ActionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var csv = new StringBuilder();
        csv.Append(Header(events.Count > 0 ? events[0].Labels : [])).Append('\n');
        foreach (var e in events)
        {
            csv.Append(Row(e)).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>A text cell, made safe: formula-leading text neutralised, then quoted when it needs quoting.</summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
