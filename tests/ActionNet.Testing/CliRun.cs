using System.Text.Json;

namespace ActionNet.Testing;

/// <summary>One finished run of the <c>actionnet</c> process: its arguments, exit code, stdout and stderr.</summary>
public sealed record CliRun(string Arguments, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The options the CLI's <c>--json</c> output uses (camelCase, enums as camelCase strings).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The non-empty lines of stderr.</summary>
    public IReadOnlyList<string> StderrLines =>
        Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>stdout parsed as JSON; fails the test with the whole run when it is not JSON.</summary>
    public JsonElement Json()
    {
        try
        {
            using var document = JsonDocument.Parse(Stdout);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"stdout is not JSON ({ex.Message}):\n{this}", ex);
        }
    }

    /// <summary>stdout read as JSON into <typeparamref name="T"/>; fails with the whole run when it is not.</summary>
    public T Json<T>()
    {
        try
        {
            return JsonSerializer.Deserialize<T>(Stdout, JsonOptions) ?? throw new JsonException("stdout is JSON null");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"stdout is not the expected JSON ({ex.Message}):\n{this}", ex);
        }
    }

    /// <summary>Everything about the run, for assertion messages.</summary>
    public override string ToString() =>
        $"actionnet {Arguments}\nexit code {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
