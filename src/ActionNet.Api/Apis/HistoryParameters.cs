using System.ComponentModel;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using Microsoft.AspNetCore.Mvc;

namespace ActionNet.Api.Apis;

/// <summary>
/// The history filters of the query string, bound by name and type as the OpenAPI document describes them and checked
/// by the rules the CLI and the grains share, which name these parameters (<see cref="HistoryInputNames.Api"/>).
/// </summary>
public sealed class HistoryParameters
{
    /// <summary>Records per page when <c>limit</c> is not given.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Camera ids, repeated or comma-separated; none means every camera the key may see.</summary>
    [FromQuery(Name = "camera")]
    [Description("Camera ids, repeated (camera=a&camera=b) or comma-separated; none means every camera the key may see.")]
    public string[]? Camera { get; set; }

    /// <summary>Start: now, a duration ago (15m, 2h, 1d) or an ISO 8601 time.</summary>
    [FromQuery(Name = "from")]
    [Description("Start (inclusive): now, a duration ago such as 15m, 2h or 1d, or an ISO 8601 time (UTC unless it has an offset).")]
    public string? From { get; set; }

    /// <summary>End (exclusive), in the same forms.</summary>
    [FromQuery(Name = "to")]
    [Description("End (exclusive), in the same forms as from; default: a day past now.")]
    public string? To { get; set; }

    /// <summary>Only this label.</summary>
    [FromQuery(Name = "label")]
    [Description("Only this label (one of the models' labels).")]
    public string? Label { get; set; }

    /// <summary>Only this tracked person (person-mode cameras).</summary>
    [FromQuery(Name = "track")]
    [Description("Only this tracked person of a person-mode camera (its trackId, as events and segments carry it).")]
    public string? Track { get; set; }

    /// <summary>Only events (or segments by mean) at or above this confidence, 0 to 1.</summary>
    [FromQuery(Name = "minConfidence")]
    [Description("Only events (segments: by their mean) at least this confident, from 0 to 1.")]
    public double? MinConfidence { get; set; }

    /// <summary>Records per page, 1 to <see cref="HistoryQueryRules.MaxLimit"/>.</summary>
    [FromQuery(Name = "limit")]
    [Description("Records per page, from 1 to 10000 (default 100).")]
    public int? Limit { get; set; }

    /// <summary>The token of the page before.</summary>
    [FromQuery(Name = "after")]
    [Description("The next token of the page before, with the same filters.")]
    public string? After { get; set; }

    /// <summary>The cameras named, each checked; empty when none.</summary>
    /// <exception cref="ArgumentException">A camera id breaks the rules.</exception>
    public string[] Cameras() =>
        [.. (Camera ?? []).SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(CameraIds.Validate).Distinct(StringComparer.Ordinal)];

    /// <summary>The query of <paramref name="cameras"/> for a <paramref name="kind"/> of history (events, segments, summary or gaps).</summary>
    /// <exception cref="ArgumentException">A filter breaks the rules.</exception>
    public HistoryQuery ToQuery(string kind, string[] cameras, int defaultLimit = DefaultLimit)
    {
        var now = DateTimeOffset.UtcNow;
        var query = new HistoryQuery
        {
            Cameras = cameras,
            From = From is null ? null : TimeArgument.Parse(From, now, "from"),
            To = To is null ? null : TimeArgument.Parse(To, now, "to"),
            Label = Label,
            Track = Track,
            MinConfidence = MinConfidence is { } confidence ? (float)confidence : 0,
            Limit = Limit ?? defaultLimit,
            After = After,
        };
        HistoryQueryRules.Validate(query, kind, HistoryInputNames.Api);
        return query;
    }
}
