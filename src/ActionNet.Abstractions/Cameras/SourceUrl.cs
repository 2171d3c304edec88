namespace ActionNet.Abstractions.Cameras;

/// <summary>
/// Keeps camera credentials out of logs, status, the CLI and history: a source such as
/// <c>rtsp://user:pass@host/x</c> is shown as <c>rtsp://user:***@host/x</c>.
/// </summary>
public static class SourceUrl
{
    /// <summary>What a password is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>
    /// Returns <paramref name="source"/> with the password of its userinfo replaced by <see cref="Mask"/>.
    /// A source without a password, or one that is not a URL (a local file path), comes back unchanged.
    /// </summary>
    public static string Redact(string source)
    {
        ArgumentNullException.ThrowIfNull(source);

        // Work on the raw text, not System.Uri: Uri re-encodes and lowercases, and would reveal that a
        // percent-encoded password was present only by changing the rest of the string.
        var schemeEnd = source.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0 || !IsScheme(source.AsSpan(0, schemeEnd)))
        {
            return source;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = source.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = source.Length;
        }

        // The last '@' ends the userinfo: an unencoded '@' inside a password is common in camera URLs.
        var at = source.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        if (at < 0)
        {
            return source;
        }

        var colon = source.IndexOf(':', authorityStart, at - authorityStart);
        if (colon < 0)
        {
            return source;
        }

        return string.Concat(source.AsSpan(0, colon + 1), Mask, source.AsSpan(at));
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
