using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActionNet.Console.Tests.Support;

/// <summary>An API answer: its status code and body; <see cref="Detail"/> is the problem's one-line message.</summary>
public sealed record ApiAnswer(int Status, string Body)
{
    /// <summary>The RFC 7807 <c>detail</c> of an error answer, or null.</summary>
    public string? Detail
    {
        get
        {
            try
            {
                return JsonNode.Parse(Body)?["detail"]?.GetValue<string>();
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
