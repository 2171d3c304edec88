// A program that uses only the client Kiota generated from the API's OpenAPI document (ActionNet.Generated): it registers a
// camera, reads it back alone and in the list, waits for a page of its history, reads a camera that does not exist, and
// removes the camera. It prints one "name: value" line per result for ApiContractTests to check against the API itself.
// Arguments: the API's address, an operator key, a camera id, a video path on the silos, a model profile.
using System.Text.Json;
using ActionNet.Generated;
using ActionNet.Generated.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

var (address, key, camera, source, profile) = (args[0], args[1], args[2], args[3], args[4]);
var adapter = new HttpClientRequestAdapter(new ApiKeyHeader(key)) { BaseUrl = address };
var client = new ActionNetClient(adapter);

var created = await client.Api.V1.Cameras[camera].PutAsync(new CameraRequest { Source = source, Profile = profile, Loop = true });
Console.WriteLine($"created: {created?.Id} {created?.Profile} {created?.Enabled}");

var read = await client.Api.V1.Cameras[camera].GetAsync();
Console.WriteLine($"read: {read?.Id} {read?.Status?.CameraId}");

var listed = await client.Api.V1.Cameras.GetAsync();
Console.WriteLine($"listed: {listed?.Any(c => c.Id == camera)}");

// A page of three stored events, polled with a deadline while the camera labels its first windows.
var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
HistoryPageOfActionEvent? page;
do
{
    page = await client.Api.V1.History.GetAsync(q =>
    {
        q.QueryParameters.Camera = [camera];
        q.QueryParameters.Limit = 3;
    });
}
while ((page?.Items?.Count ?? 0) < 3 && DateTimeOffset.UtcNow < deadline && await Delay());

Console.WriteLine($"page: {JsonSerializer.Serialize(page?.Items?.Select(e => new { e.CameraId, e.Sequence, e.Label, e.End }))}");
Console.WriteLine($"next: {page?.Next}");

var after = await client.Api.V1.History.GetAsync(q =>
{
    q.QueryParameters.Camera = [camera];
    q.QueryParameters.Limit = 3;
    q.QueryParameters.After = page?.Next;
});
Console.WriteLine($"after: {JsonSerializer.Serialize(after?.Items?.Select(e => e.Sequence))}");

try
{
    await client.Api.V1.Cameras["no-such-camera-here"].GetAsync();
    Console.WriteLine("missing: found");
}
catch (ProblemDetails problem)
{
    Console.WriteLine($"missing: {problem.ResponseStatusCode} {problem.Detail}");
}

await client.Api.V1.Cameras[camera].DeleteAsync();
try
{
    await client.Api.V1.Cameras[camera].GetAsync();
    Console.WriteLine("removed: still there");
}
catch (ProblemDetails problem)
{
    Console.WriteLine($"removed: {problem.ResponseStatusCode}");
}

static async Task<bool> Delay()
{
    await Task.Delay(TimeSpan.FromMilliseconds(500));
    return true;
}

// The key in X-Api-Key, the document's apiKeyHeader scheme (Kiota's own API key provider insists on https; the test host is http).
internal sealed class ApiKeyHeader(string key) : IAuthenticationProvider
{
    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        request.Headers.Add("X-Api-Key", key);
        return Task.CompletedTask;
    }
}
