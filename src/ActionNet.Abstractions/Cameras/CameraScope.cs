namespace ActionNet.Abstractions.Cameras;

/// <summary>
/// Which cameras an API key (or a signed-in user) may see and control: camera id patterns where <c>*</c> stands for
/// any run of characters and <c>?</c> for one (<c>lobby-*</c>, <c>dock-?</c>, <c>dock-1</c>). No pattern means every
/// camera. Given as one comma-separated text (<c>actionnet keys create --cameras 'lobby-*,dock-1'</c>, the API's
/// <c>cameras</c>), or as the values of a claim.
/// </summary>
public sealed class CameraScope
{
    /// <summary>The most patterns one scope holds.</summary>
    public const int MaxPatterns = 64;

    private CameraScope(IReadOnlyList<string> patterns) => Patterns = patterns;

    /// <summary>Every camera.</summary>
    public static CameraScope All { get; } = new([]);

    /// <summary>The patterns, each once, in the order given; empty for every camera.</summary>
    public IReadOnlyList<string> Patterns { get; }

    /// <summary>Whether the scope holds every camera.</summary>
    public bool IsAll => Patterns.Count == 0;

    /// <summary>
    /// The scope of the comma-separated patterns in <paramref name="text"/>, given as <paramref name="name"/> (a flag or a
    /// field, named in the message); null or empty text is every camera.
    /// </summary>
    /// <exception cref="ArgumentException">A pattern is malformed, or there are more than <see cref="MaxPatterns"/>.</exception>
    public static CameraScope Parse(string? text, string name) =>
        Of(string.IsNullOrEmpty(text) ? [] : text.Split(',', StringSplitOptions.TrimEntries), name);

    /// <summary>The scope of <paramref name="patterns"/>, given as <paramref name="name"/>; none is every camera, and so is <c>*</c>.</summary>
    /// <exception cref="ArgumentException">A pattern is malformed, or there are more than <see cref="MaxPatterns"/>.</exception>
    public static CameraScope Of(IEnumerable<string> patterns, string name)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var list = patterns.ToList();
        if (list.Count > MaxPatterns)
        {
            throw new ArgumentException($"{name} holds {list.Count} patterns; expected at most {MaxPatterns}");
        }

        foreach (var pattern in list)
        {
            if (PatternProblem(pattern) is { } problem)
            {
                throw new ArgumentException($"{name} holds '{CameraInputRules.Quote(pattern)}', which is {problem}");
            }
        }

        return list.Count == 0 || list.Contains("*", StringComparer.Ordinal) ? All : new CameraScope([.. list.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Whether <paramref name="cameraId"/> is in the scope.</summary>
    public bool Allows(string cameraId)
    {
        ArgumentNullException.ThrowIfNull(cameraId);
        return IsAll || Patterns.Any(p => Matches(p, cameraId));
    }

    /// <summary>
    /// Whether every camera of a camera list that may hold <c>*</c> for "every camera" (an alert rule's) is in the scope:
    /// <c>*</c> is only for a scope of every camera.
    /// </summary>
    public bool Covers(IEnumerable<string> cameras)
    {
        ArgumentNullException.ThrowIfNull(cameras);
        return IsAll || cameras.All(c => c != "*" && Allows(c));
    }

    /// <summary>The patterns, comma-separated; <c>*</c> for every camera.</summary>
    public override string ToString() => IsAll ? "*" : string.Join(",", Patterns);

    private static string? PatternProblem(string pattern)
    {
        if (pattern.Length == 0)
        {
            return "empty: expected camera ids or patterns such as lobby-*, separated by commas";
        }

        if (pattern.Length > CameraIds.MaxLength || pattern[0] == '-' || !pattern.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '*' or '?'))
        {
            return $"not a camera id pattern: expected 1 to {CameraIds.MaxLength} characters of a-z, 0-9, '-', '*' (any run) and '?' (any one), not starting with '-'";
        }

        return null;
    }

    // Glob matching with backtracking to the last '*': linear in practice for ids of at most 63 characters.
    private static bool Matches(string pattern, string id)
    {
        int p = 0, i = 0, star = -1, resume = 0;
        while (i < id.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == id[i]))
            {
                p++;
                i++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = i;
            }
            else if (star >= 0)
            {
                p = star + 1;
                i = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
