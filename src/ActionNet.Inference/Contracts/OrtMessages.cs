namespace ActionNet.Inference.Contracts;

/// <summary>Shortens ONNX Runtime's multi-line error texts to one line for logs and exceptions.</summary>
internal static class OrtMessages
{
    /// <summary>The first non-blank line of <paramref name="message"/>, trimmed.</summary>
    public static string FirstLine(string message)
    {
        foreach (var line in message.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0)
            {
                return trimmed;
            }
        }

        return message.Trim();
    }
}
