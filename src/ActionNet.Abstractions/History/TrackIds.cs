namespace ActionNet.Abstractions.History;

/// <summary>
/// Rules for track ids. A live track id is the sequence number of the tracked person's first recorded window
/// (decimal digits), unique within its camera for good; offline results number tracks from 1. A query may
/// name one, so the rule is the form: 1 to 20 decimal digits.
/// </summary>
public static class TrackIds
{
    /// <summary>What a track id must be, for error messages.</summary>
    public const string Expected = "expected a track id (1 to 20 decimal digits, as events and segments carry it)";

    /// <summary>Whether <paramref name="id"/> has the form of a track id.</summary>
    public static bool IsValid(string? id) => id is { Length: >= 1 and <= 20 } && id.All(char.IsAsciiDigit);
}
