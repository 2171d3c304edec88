using System.Text.Json;

namespace ActionNet.Storage;

/// <summary>One JSON document per line (JSONL), camelCase, as the history blobs hold them.</summary>
internal static class JsonLines
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static BinaryData Write<T>(IEnumerable<T> records)
    {
        using var buffer = new MemoryStream();
        foreach (var record in records)
        {
            JsonSerializer.Serialize(buffer, record, Options);
            buffer.WriteByte((byte)'\n');
        }

        return new BinaryData(buffer.ToArray());
    }

    /// <summary>The complete lines of <paramref name="content"/>, without their '\n'; a trailing partial line is left out.</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> Lines(ReadOnlyMemory<byte> content)
    {
        var start = 0;
        while (start < content.Length)
        {
            var end = content.Span[start..].IndexOf((byte)'\n');
            if (end < 0)
            {
                yield break;
            }

            yield return content.Slice(start, end);
            start += end + 1;
        }
    }

    public static List<T> Read<T>(BinaryData content)
    {
        var records = new List<T>();
        var rest = content.ToMemory().Span;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (!line.IsEmpty)
            {
                records.Add(JsonSerializer.Deserialize<T>(line, Options)
                    ?? throw new JsonException("a history line holds null"));
            }
        }

        return records;
    }
}
