namespace ActionNet.Abstractions.Cameras;

/// <summary>
/// The one place camera credentials are found and masked, for every layer (CLI echo, status, last error,
/// logs, decoder messages): a source such as <c>rtsp://user:pass@host/x?token=abc</c> is shown as
/// <c>rtsp://user:***@host/x?token=***</c>. The password of the user part and the value of every
/// well-known credential query parameter (see <see cref="IsCredentialParameter"/>) are masked; a local file
/// path is shown unchanged. <see cref="Scrub"/> also masks the secrets wherever a message repeats them.
/// </summary>
public sealed class SourceUrl
{
    /// <summary>What a password or credential value is replaced with.</summary>
    public const string Mask = "***";

    // Exact names (compared case-insensitively) and name parts that mark a query parameter as a credential.
    private static readonly HashSet<string> CredentialNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "pass", "pwd", "passwd", "passphrase", "pw", "token", "access_token", "refresh_token", "id_token",
        "auth", "authorization", "key", "apikey", "api_key", "api-key", "signature", "sig", "secret", "client_secret",
        "credential", "credentials", "jwt", "session", "sessionid", "x-amz-signature", "x-amz-credential",
        "x-amz-security-token", "x-goog-signature", "x-goog-credential",
    };

    private static readonly string[] CredentialNameParts = ["password", "passwd", "token", "secret", "signature", "apikey", "api_key", "api-key", "credential"];

    private readonly string _source;
    private readonly string[] _secrets;
    private readonly int _credentials;

    /// <summary>Finds the credentials in <paramref name="source"/> (a URL or a local file path).</summary>
    public SourceUrl(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        var secrets = new List<(int Start, int End)>();
        Scheme = SchemeOf(source);
        if (Scheme is not null)
        {
            FindSecrets(source, Scheme.Length + 3, secrets);
        }

        var display = new System.Text.StringBuilder(source.Length);
        var next = 0;
        foreach (var (start, end) in secrets)
        {
            display.Append(source, next, start - next).Append(Mask);
            next = end;
        }

        _credentials = secrets.Count;
        Display = display.Append(source, next, source.Length - next).ToString();
        _secrets = secrets
            .Select(s => source[s.Start..s.End])
            .SelectMany(s => new[] { s, Unescape(s) })
            .Where(s => s.Length > 0 && s != Mask)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    /// <summary>The source with every credential replaced by <see cref="Mask"/>; fit for logs, status and messages.</summary>
    public string Display { get; }

    /// <summary>The scheme in lowercase (<c>rtsp</c>, <c>http</c>...), or null when the source is not a URL (a file path).</summary>
    public string? Scheme { get; }

    /// <summary>Whether the source is a URL (has a scheme followed by <c>://</c>).</summary>
    public bool IsUrl => Scheme is not null;

    /// <summary>Whether the source holds a password or a credential query parameter.</summary>
    public bool HasCredentials => _credentials > 0;

    /// <summary>
    /// The host of a URL (between the user part and the port or path; an IPv6 literal keeps its brackets),
    /// or null when the source is not a URL.
    /// </summary>
    public string? Host
    {
        get
        {
            if (Scheme is null)
            {
                return null;
            }

            var (authorityStart, authorityEnd) = Authority(_source, Scheme.Length + 3);
            var at = _source.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
            var hostStart = at < 0 ? authorityStart : at + 1;
            var hostPart = _source[hostStart..authorityEnd];
            if (hostPart.StartsWith('['))
            {
                var close = hostPart.IndexOf(']', StringComparison.Ordinal);
                return close < 0 ? hostPart : hostPart[..(close + 1)];
            }

            var colon = hostPart.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? hostPart : hostPart[..colon];
        }
    }

    /// <summary>Returns <paramref name="source"/> with its credentials masked (see <see cref="Display"/>).</summary>
    public static string Redact(string source) => new SourceUrl(source).Display;

    /// <summary>
    /// Whether a query parameter named <paramref name="name"/> carries a credential: <c>password</c>,
    /// <c>pass</c>, <c>pwd</c>, <c>passwd</c>, <c>token</c>, <c>access_token</c>, <c>key</c>, <c>apikey</c>,
    /// <c>api_key</c>, <c>auth</c>, <c>signature</c>, <c>sig</c>, <c>secret</c> and similar (case-insensitive),
    /// or any name containing password, token, secret, signature, apikey or credential.
    /// </summary>
    public static bool IsCredentialParameter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return CredentialNames.Contains(name)
            || CredentialNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Returns <paramref name="text"/> (a message that may repeat the source, such as a decoder's error line)
    /// with the raw source replaced by <see cref="Display"/> and any remaining credential text masked.
    /// </summary>
    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scrubbed = _source.Length > 0 ? text.Replace(_source, Display, StringComparison.Ordinal) : text;
        foreach (var secret in _secrets)
        {
            scrubbed = scrubbed.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return scrubbed;
    }

    /// <inheritdoc/>
    public override string ToString() => Display;

    // Works on the raw text, not System.Uri: Uri re-encodes and lowercases, and would reveal that a
    // percent-encoded password was present only by changing the rest of the string.
    private static void FindSecrets(string source, int authorityStart, List<(int Start, int End)> secrets)
    {
        var (start, authorityEnd) = Authority(source, authorityStart);

        // The last '@' ends the user part: an unencoded '@' inside a password is common in camera URLs.
        var at = source.LastIndexOf('@', authorityEnd - 1, authorityEnd - start);
        if (at >= 0 && source.IndexOf(':', start, at - start) is var colon and >= 0)
        {
            secrets.Add((colon + 1, at));
        }

        var query = source.IndexOf('?', authorityEnd);
        if (query < 0)
        {
            return;
        }

        var queryEnd = source.IndexOf('#', query);
        if (queryEnd < 0)
        {
            queryEnd = source.Length;
        }

        var position = query + 1;
        while (position <= queryEnd)
        {
            var end = source.IndexOfAny(['&', ';'], position, queryEnd - position);
            if (end < 0)
            {
                end = queryEnd;
            }

            var equals = source.IndexOf('=', position, end - position);
            if (equals > position && IsCredentialParameter(Unescape(source[position..equals])))
            {
                secrets.Add((equals + 1, end));
            }

            position = end + 1;
        }
    }

    private static (int Start, int End) Authority(string source, int start)
    {
        var end = source.IndexOfAny(['/', '?', '#'], start);
        return (start, end < 0 ? source.Length : end);
    }

    private static string? SchemeOf(string source)
    {
        var end = source.IndexOf("://", StringComparison.Ordinal);
        if (end <= 0 || !char.IsAsciiLetter(source[0]))
        {
            return null;
        }

        foreach (var c in source.AsSpan(0, end))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return null;
            }
        }

        return source[..end].ToLowerInvariant();
    }

    private static string Unescape(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}
