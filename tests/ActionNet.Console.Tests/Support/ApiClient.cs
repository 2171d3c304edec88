using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ActionNet.Console.Tests.Support;

/// <summary>
/// The REST API as the tests call it directly, with one key: the answers the console's pages are
/// compared with. JSON stays as <see cref="JsonNode"/>: the wire format is what the console reads.
/// </summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A client for the API at <paramref name="origin"/> sending <paramref name="key"/>.</summary>
    public ApiClient(Uri origin, string key)
    {
        _http = new HttpClient { BaseAddress = new Uri(origin, "api/v1/"), Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    /// <summary>GET <paramref name="path"/> (relative to /api/v1/) as JSON; throws on an error status.</summary>
    public async Task<JsonNode> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text)!
            : throw new HttpRequestException($"GET {path}: {(int)response.StatusCode} {text}");
    }

    /// <summary>GET <paramref name="path"/> as text (a CSV export); throws on an error status.</summary>
    public async Task<string> GetTextAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Every item of a <c>Page&lt;T&gt;</c> route, following <c>next</c> with <c>after</c>.</summary>
    public async Task<IReadOnlyList<JsonNode>> AllPagesAsync(string path)
    {
        var items = new List<JsonNode>();
        string? after = null;
        do
        {
            var page = await GetAsync(after is null ? path : $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}after={Uri.EscapeDataString(after)}");
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            after = page["next"]?.GetValue<string>();
        }
        while (after is not null);
        return items;
    }

    /// <summary>Sends any request and returns the status and the problem detail (when there is one), never throwing for a status.</summary>
    public async Task<ApiAnswer> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiAnswer((int)response.StatusCode, text);
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();
}
