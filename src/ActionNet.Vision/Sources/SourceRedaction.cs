namespace ActionNet.Vision.Sources;

/// <summary>
/// Keeps a camera password out of every message a stream source writes: the URL is shown as
/// <c>rtsp://user:***@host/x</c> (the same form as Abstractions' <c>SourceUrl.Redact</c>, which Vision
/// cannot reference), and any decoder line that echoes the URL or the password is scrubbed.
/// </summary>
internal sealed class SourceRedaction
{
    private const string Mask = "***";
    private readonly string _url;
    private readonly string[] _secrets;

    public SourceRedaction(string url)
    {
        _url = url;
        var (colon, at) = PasswordBounds(url);
        if (colon < 0)
        {
            Display = url;
            _secrets = [];
            return;
        }

        var password = url[(colon + 1)..at];
        Display = string.Concat(url.AsSpan(0, colon + 1), Mask, url.AsSpan(at));
        _secrets = new[] { password, Uri.UnescapeDataString(password) }
            .Where(s => s.Length > 0).Distinct().OrderByDescending(s => s.Length).ToArray();
    }

    /// <summary>The URL with its password masked; fit for logs, status and exceptions.</summary>
    public string Display { get; }

    /// <summary>Returns <paramref name="line"/> with the raw URL replaced by <see cref="Display"/> and any remaining password text masked.</summary>
    public string Scrub(string line)
    {
        var scrubbed = line.Replace(_url, Display, StringComparison.Ordinal);
        foreach (var secret in _secrets)
        {
            scrubbed = scrubbed.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return scrubbed;
    }

    private static (int Colon, int At) PasswordBounds(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return (-1, -1);
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        // The last '@' ends the userinfo: cameras often have an unencoded '@' in the password.
        var at = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        if (at < 0)
        {
            return (-1, -1);
        }

        var colon = url.IndexOf(':', authorityStart, at - authorityStart);
        return colon < 0 ? (-1, -1) : (colon, at);
    }
}
