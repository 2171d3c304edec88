using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ActionNet.Abstractions.Alerts;
using ActionNet.Cluster.Tests.Support;
using ActionNet.Drills;
using ActionNet.Storage.Keys;

namespace ActionNet.Cluster.Tests;

/// <summary>
/// Roles and camera scopes on every route the served OpenAPI document lists: each role gets exactly what the document
/// says it needs, and a key limited to some cameras finds nothing of any other camera, whatever route it calls.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed partial class ApiScopeTests(SharedClusterFixture fixture)
{
    private static readonly SolidColour Green = new(0, 255, 0);

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task EveryRouteInTheDocumentAnswersAViewerAnOperatorAndAnAdminAsItsRoleSays()
    {
        var api = await fixture.ApiAsync();
        var keys = new (string Role, string Key)[] { ("viewer", api.ViewerKey), ("operator", api.OperatorKey), ("admin", api.AdminKey) };
        var roles = keys.Select(k => k.Role).ToArray();
        var operations = await OperationsAsync(api);
        Assert.All(operations, o => Assert.Contains(o.Role, roles));

        foreach (var operation in operations)
        {
            foreach (var (role, key) in keys)
            {
                // Only names that do not exist and bodies that break a rule: no call changes the shared cluster.
                var path = Fill(operation.Path, "role-check-missing");
                if (operation.Parameters.Contains("camera"))
                {
                    path += "?camera=role-check-missing";
                }

                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
                request.Content = operation.HasBody ? JsonContent.Create(new { }) : null;
                using var response = await api.Client(key).SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var allowed = Array.IndexOf(roles, role) >= Array.IndexOf(roles, operation.Role);
                var status = (int)response.StatusCode;
                Assert.True(
                    allowed ? status is not (401 or 403) : status == 403,
                    $"{operation.Method} {operation.Path} needs {operation.Role}; the {role} key got {status}");
            }
        }
    }

    [Fact]
    public async Task AKeyLimitedToSomeCamerasFindsNothingOfAnotherCameraOnAnyRouteOfTheDocument()
    {
        var api = await fixture.ApiAsync();
        var prefix = TestCluster.NewCameraId("inside");
        var inside = $"{prefix}-a";
        var outside = TestCluster.NewCameraId("outside");
        var scoped = api.Client(await api.ScopedKeyAsync(ApiRole.Operator, $"{prefix}-*"));
        var everything = api.Client(api.OperatorKey);
        await using var receiver = new WebhookReceiver("shared-cluster-webhook-secret").Start();
        var rules = new[] { $"{prefix}-rule-in", $"{outside}-rule", $"{outside}-all" };
        try
        {
            await Cluster.RegisterAsync(inside, Green);
            await Cluster.RegisterAsync(outside, Green);
            var label = (await Cluster.WaitForHistoryAsync(outside, "stored labels", h => h.Length >= 3))[0].Label;
            await Cluster.WaitForHistoryAsync(inside, "stored labels", h => h.Length >= 3);
            var ruleGrain = Cluster.Grains.GetGrain<IAlertRulesGrain>(IAlertRulesGrain.Key);
            await ruleGrain.PutAsync(new AlertRule { Id = rules[0], Cameras = [inside], Label = label, WebhookUrl = receiver.Url });
            await ruleGrain.PutAsync(new AlertRule { Id = rules[1], Cameras = [outside], Label = label, WebhookUrl = receiver.Url });
            await ruleGrain.PutAsync(new AlertRule { Id = rules[2], Cameras = ["*"], Label = label, WebhookUrl = receiver.Url });
            await DrillWait.UntilAsync(
                "deliveries of both cameras",
                TestCluster.Patience,
                () => Task.FromResult(receiver.Received),
                received => received.Any(w => w.Body.CameraId == inside) && received.Any(w => w.Body.CameraId == outside),
                Cluster.Diagnostics);

            // The live stream: the scoped key's sees its camera's labels and none of the other's, which a key for every
            // camera sees meanwhile.
            using var cancel = new CancellationTokenSource(TestCluster.Patience);
            var all = ReadEventsAsync(everything, "/api/v1/events/live", cancel.Token);
            var mine = ReadEventsAsync(scoped, "/api/v1/events/live", cancel.Token);
            await DrillWait.UntilAsync(
                "live events of both cameras",
                TestCluster.Patience,
                () => Task.FromResult((All: all.Snapshot(), Mine: mine.Snapshot())),
                seen => seen.All.Any(e => e.Contains(outside, StringComparison.Ordinal)) && seen.Mine.Any(e => e.Contains(inside, StringComparison.Ordinal)),
                Cluster.Diagnostics);
            await cancel.CancelAsync();
            await Task.WhenAll(all.Reading!, mine.Reading!);
            Assert.DoesNotContain(mine.Snapshot(), e => e.Contains(outside, StringComparison.Ordinal));

            var secrets = new[] { outside, $"{outside}-rule", $"{outside}-all" };
            var called = new List<string>();
            foreach (var operation in await OperationsAsync(api))
            {
                var requests = Requests(operation, inside, outside, prefix, label, Cluster.Video(Green)).ToArray();
                Assert.True(requests.Length > 0, $"the walk makes no request of {operation.Method} {operation.Path}");
                foreach (var (path, method, body, expected) in requests)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : JsonContent.Create(body) };
                    using var response = await scoped.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    var text = response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? "" : await response.Content.ReadAsStringAsync();
                    called.Add($"{method} {path} {(int)response.StatusCode}");
                    Assert.True(expected((int)response.StatusCode), $"{method} {path} answered the scoped key {(int)response.StatusCode}: {text}");
                    // A refusal may repeat the name the request itself gave; nothing else of another camera may appear.
                    Assert.All(secrets.Where(s => !path.Contains(s, StringComparison.Ordinal)), s => Assert.False(text.Contains(s, StringComparison.Ordinal), $"{method} {path} showed the scoped key '{s}': {text}"));
                }
            }

            Assert.Contains(called, c => c.StartsWith("GET /api/v1/alerts/deliveries", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var rule in rules)
            {
                await Cluster.Grains.GetGrain<IAlertRulesGrain>(IAlertRulesGrain.Key).RemoveAsync(rule);
            }

            await Cluster.RemoveQuietlyAsync(inside, outside);
        }
    }

    // The requests the scoped key makes to one operation, and the answers it must get: the camera (or rule) in its scope
    // works, the one outside is refused or absent, and every route that takes a camera filter refuses the outside one.
    private static IEnumerable<(string Path, string Method, object? Body, Func<int, bool> Expected)> Requests(Operation operation, string inside, string outside, string prefix, string label, string video)
    {
        static bool Ok(int status) => status is >= 200 and < 300;
        static bool Refused(int status) => status == 403;
        var path = operation.Path;
        if (path.StartsWith("/api/v1/keys", StringComparison.Ordinal))
        {
            yield return (Fill(path, "000000000000"), operation.Method, operation.HasBody ? new { role = "viewer" } : null, Refused);
            yield break;
        }

        if (path.StartsWith("/api/v1/cluster/silos/", StringComparison.Ordinal))
        {
            yield return (Fill(path, "any-silo"), operation.Method, null, Refused);
            yield break;
        }

        if (path.StartsWith("/api/v1/alerts/rules/{", StringComparison.Ordinal))
        {
            var rule = new { cameras = new[] { inside }, label, webhookUrl = "http://127.0.0.1:9/hook" };
            switch (operation.Method)
            {
                case "GET":
                    yield return (Fill(path, $"{prefix}-rule-in"), "GET", null, Ok);
                    yield return (Fill(path, $"{outside}-rule"), "GET", null, s => s == 404);
                    yield return (Fill(path, $"{outside}-all"), "GET", null, s => s == 404);
                    break;
                case "PUT":
                    yield return (Fill(path, $"{prefix}-rule-in"), "PUT", rule, Ok);
                    yield return (Fill(path, $"{outside}-rule"), "PUT", rule, Refused);
                    yield return (Fill(path, $"{prefix}-rule-new"), "PUT", new { cameras = new[] { "*" }, label, webhookUrl = "http://127.0.0.1:9/hook" }, Refused);
                    break;
                default:
                    yield return (Fill(path, $"{outside}-rule"), operation.Method, null, s => s == 404);
                    yield return (Fill(path, $"{prefix}-rule-missing"), operation.Method, null, s => s == 404);
                    break;
            }

            yield break;
        }

        if (path.Contains("{id}", StringComparison.Ordinal) && path.StartsWith("/api/v1/cameras/", StringComparison.Ordinal))
        {
            var body = operation.HasBody ? new { source = video, profile = TestCluster.AnyProfile, loop = true } : null;
            yield return (Fill(path, outside), operation.Method, body, Refused);
            // Its frame may be missing for a moment: the walk re-registers and disables the camera on the way.
            yield return operation.Method == "DELETE"
                ? (Fill(path, $"{prefix}-missing"), "DELETE", null, s => s == 404)
                : (Fill(path, inside), operation.Method, body, path.EndsWith("snapshot.jpg", StringComparison.Ordinal) ? s => Ok(s) || s == 404 : Ok);
            yield break;
        }

        var query = path.EndsWith("/export", StringComparison.Ordinal) ? "?format=jsonl" : path.EndsWith("/live", StringComparison.Ordinal) ? null : "";
        if (query is not null)
        {
            yield return (path + query, operation.Method, operation.HasBody ? new { } : null, s => Ok(s) || s == 400);
        }

        if (operation.Parameters.Contains("camera"))
        {
            yield return ($"{path}?camera={outside}", operation.Method, null, Refused);
            yield return ($"{path}?camera={inside},{outside}", operation.Method, null, Refused);
        }
    }

    private static string Fill(string path, string value) => PathParameter().Replace(path, value);

    private static async Task<Operation[]> OperationsAsync(ApiSession api)
    {
        using var document = JsonDocument.Parse(await api.Client(api.ViewerKey).GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        return [.. document.RootElement.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(m => m.Name != "parameters")
            .Select(m => new Operation(
                m.Name.ToUpperInvariant(),
                path.Name,
                m.Value.GetProperty("x-actionnet-role").GetString()!,
                m.Value.TryGetProperty("parameters", out var p) ? [.. p.EnumerateArray().Select(x => x.GetProperty("name").GetString()!)] : [],
                m.Value.TryGetProperty("requestBody", out _))))];
    }

    private static EventLog ReadEventsAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        var log = new EventLog();
        log.Reading = Task.Run(async () =>
        {
            try
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    if (line.StartsWith("data: ", StringComparison.Ordinal))
                    {
                        log.Add(line);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The test has seen enough.
            }
        }, CancellationToken.None);
        return log;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();

    private sealed record Operation(string Method, string Path, string Role, string[] Parameters, bool HasBody);

    private sealed class EventLog
    {
        private readonly List<string> lines = [];

        public Task? Reading { get; set; }

        public void Add(string line)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }

        public string[] Snapshot()
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }
}
