using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using ActionNet.Abstractions;
using ActionNet.Cli.Output;

namespace ActionNet.Cli.Cluster;

/// <summary>
/// The CLI's one HTTP client of the ActionNet API (<c>--api</c>, <c>--api-key</c>): JSON requests with the key as a bearer
/// token, server-sent events, and the API's problems turned into the CLI's errors: bad input, a refused key and nothing
/// found exit 2 with the problem's one line, a cluster or API that cannot be reached exits 3, anything else 1.
/// </summary>
public sealed class ApiClient : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);
    private readonly HttpClient http;

    /// <summary>A client of the API at <paramref name="address"/> that sends <paramref name="key"/>.</summary>
    public ApiClient(Uri address, string key)
    {
        ArgumentNullException.ThrowIfNull(address);
        Address = address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
        http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    /// <summary>How the API writes JSON: camelCase, enums as their names.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The API's address, ending in '/'.</summary>
    public Uri Address { get; }

    /// <summary>The answer to <paramref name="method"/> <paramref name="path"/> (relative to <see cref="Address"/>) with <paramref name="body"/>; null when the API answers 404.</summary>
    public async Task<T?> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var request = new HttpRequestMessage(method, new Uri(Address, path)) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken, timeout.Token);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, timeout.Token) ?? throw new JsonException("null");
        }
        catch (JsonException)
        {
            throw new CliFailureException($"{Address} answered {method} {path} with something other than the API's JSON: is --api the ActionNet API's address?");
        }
    }

    /// <summary>Deletes <paramref name="path"/>; false when the API answers 404.</summary>
    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(Address, path));
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken, timeout.Token);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary>The answer to GET <paramref name="path"/>; fails with the API's line when it answers 404.</summary>
    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
        where T : class =>
        await SendAsync<T>(HttpMethod.Get, path, null, cancellationToken) ?? throw new CliInputException($"the API has no {path}");

    /// <summary>The server-sent events of <paramref name="path"/> as (event name, data) pairs, until the stream ends or is cancelled.</summary>
    public async IAsyncEnumerable<(string Event, string Data)> EventsAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Address, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken, cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var name = "message";
        var data = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    yield return (name, string.Join('\n', data));
                }

                name = "message";
                data.Clear();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(line["data:".Length..].TrimStart(' '));
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken caller, CancellationToken timeout)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, timeout);
        }
        catch (HttpRequestException e)
        {
            throw new ClusterUnreachableException($"cannot reach the ActionNet API at {Address}: {ErrorText.OneLine(e.Message)}");
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            throw new ClusterUnreachableException($"the ActionNet API at {Address} did not answer within {RequestTimeout.TotalSeconds:F0} s");
        }

        if (response.IsSuccessStatusCode || (response.StatusCode == HttpStatusCode.NotFound && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Delete)))
        {
            return response;
        }

        using (response)
        {
            var detail = await DetailAsync(response, caller);
            throw (int)response.StatusCode switch
            {
                >= 400 and < 500 and not 429 => new CliInputException(detail),
                502 or 503 or 504 => new ClusterUnreachableException(detail),
                _ => new CliFailureException(detail),
            };
        }
    }

    // The problem's one line; a proxy's page or an empty answer gets the status line instead.
    private static async Task<string> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text)
            {
                return ErrorText.OneLine(text);
            }
        }
        catch (JsonException)
        {
            // Not a problem document.
        }

        return $"the ActionNet API answered {(int)response.StatusCode} {response.ReasonPhrase}";
    }
}
