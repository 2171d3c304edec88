namespace ActionNet.Abstractions.Cameras;

/// <summary>
/// Rules for camera ids. A camera id is the key of its camera, aggregator and history grains and a
/// segment of blob names, so it is 1 to 63 characters of lowercase a-z, 0-9 and '-', starting with a
/// letter or digit.
/// </summary>
public static class CameraIds
{
    /// <summary>The longest legal camera id, in characters.</summary>
    public const int MaxLength = 63;

    /// <summary>Whether <paramref name="id"/> is a legal camera id.</summary>
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength || id[0] == '-')
        {
            return false;
        }

        foreach (var c in id)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns <paramref name="id"/> when legal; otherwise throws a one-line <see cref="ArgumentException"/>.</summary>
    /// <exception cref="ArgumentException">The id is empty, too long, or has a character outside a-z, 0-9 and '-'.</exception>
    public static string Validate(string? id)
    {
        if (IsValid(id))
        {
            return id!;
        }

        throw new ArgumentException(
            $"camera id '{CameraInputRules.Quote(id)}' is invalid: expected 1 to {MaxLength} characters of a-z, 0-9 and '-', starting with a letter or digit",
            nameof(id));
    }
}
