using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ActionNet.Abstractions.History;
using ActionNet.Cluster.Tests.Support;
using ActionNet.Drills;

namespace ActionNet.Cluster.Tests;

/// <summary>
/// The REST API against the real shared cluster through a real API host process: authentication and roles on
/// every route, the CLI's rules and messages, a camera's round trip, snapshots, live events and the OpenAPI document.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class ApiTests(SharedClusterFixture fixture)
{
    private static readonly SolidColour Red = new(255, 0, 0);

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task OpenApiDocumentParsesAndListsEveryRouteAndEachAnswers401WithoutAKey()
    {
        var api = await fixture.ApiAsync();
        using var document = JsonDocument.Parse(await api.Client(api.ViewerKey).GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (Method: m.Name.ToUpperInvariant(), Path: p.Name)))
            .ToArray();
        string[] expected =
        [
            "GET /api/v1/cameras", "PUT /api/v1/cameras", "GET /api/v1/cameras/{id}", "PUT /api/v1/cameras/{id}", "DELETE /api/v1/cameras/{id}",
            "POST /api/v1/cameras/{id}/enable", "POST /api/v1/cameras/{id}/disable", "GET /api/v1/cameras/{id}/snapshot.jpg",
            "GET /api/v1/cameras/{id}/segments", "GET /api/v1/history", "GET /api/v1/history/segments", "GET /api/v1/history/summary",
            "GET /api/v1/history/gaps", "GET /api/v1/history/export", "GET /api/v1/events/live", "GET /api/v1/cluster",
            "GET /api/v1/me", "GET /api/v1/keys", "POST /api/v1/keys", "DELETE /api/v1/keys/{id}",
            "GET /api/v1/alerts/rules", "GET /api/v1/alerts/rules/{id}", "PUT /api/v1/alerts/rules/{id}",
            "DELETE /api/v1/alerts/rules/{id}", "GET /api/v1/alerts/deliveries",
        ];
        var listed = paths.Select(p => $"{p.Method} {p.Path}").ToHashSet(StringComparer.Ordinal);
        Assert.All(expected, route => Assert.Contains(route, listed));
        Assert.All(listed, route => Assert.Contains("/api/v1/", route, StringComparison.Ordinal));

        var anonymous = api.Client(key: null);
        foreach (var (method, path) in paths.Append(("GET", "/openapi/v1.json")))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]+\\}", "cam-1"));
            using var response = await anonymous.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} without a key answered {(int)response.StatusCode}");
        }

        using var wrong = await api.Client("ank_0123456789ab_not-the-secret").GetAsync(new Uri("/api/v1/cameras", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("API key 0123456789ab is unknown or revoked", await Detail(wrong), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ViewerGets403OnWritesOperatorRegistersAndARevokedKeyStopsWorking()
    {
        var api = await fixture.ApiAsync();
        var camera = TestCluster.NewCameraId("apirole");
        var body = new { source = Cluster.Video(Red), profile = TestCluster.AnyProfile, loop = true };
        try
        {
            using var viewerPut = await api.Client(api.ViewerKey).PutAsJsonAsync($"/api/v1/cameras/{camera}", body);
            Assert.Equal(HttpStatusCode.Forbidden, viewerPut.StatusCode);
            using var viewerKeys = await api.Client(api.OperatorKey).GetAsync(new Uri("/api/v1/keys", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, viewerKeys.StatusCode);

            using var operatorPut = await api.Client(api.OperatorKey).PutAsJsonAsync($"/api/v1/cameras/{camera}", body);
            Assert.Equal(HttpStatusCode.Created, operatorPut.StatusCode);

            var admin = api.Client(api.AdminKey);
            using var created = await admin.PostAsJsonAsync("/api/v1/keys", new { role = "viewer", name = "short-lived" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var key = await created.Content.ReadFromJsonAsync<JsonElement>();
            var shortLived = api.Client(key.GetProperty("key").GetString());
            using (var before = await shortLived.GetAsync(new Uri("/api/v1/me", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, before.StatusCode);
                Assert.Equal("viewer", (await before.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
            }

            using var revoked = await admin.DeleteAsync(new Uri($"/api/v1/keys/{key.GetProperty("id").GetString()}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
            using var after = await shortLived.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync(camera);
        }
    }

    [Fact]
    public async Task ABatchRegistersEachCameraWithTheStatusItsOwnPutWouldGetAndAScopedKeyOnlyItsOwn()
    {
        var api = await fixture.ApiAsync();
        var (first, second, bad, outside) = (TestCluster.NewCameraId("batch"), TestCluster.NewCameraId("batch"), TestCluster.NewCameraId("batch"), TestCluster.NewCameraId("other"));
        var good = new { source = Cluster.Video(Red), profile = TestCluster.AnyProfile, loop = true, enabled = false };
        try
        {
            using var existing = await api.Client(api.OperatorKey).PutAsJsonAsync($"/api/v1/cameras/{second}", good);
            Assert.Equal(HttpStatusCode.Created, existing.StatusCode);

            var batch = new Dictionary<string, object>
            {
                [first] = good,
                [second] = good,
                [bad] = new { source = Cluster.Video(Red), profile = "no-such-profile" },
            };
            using var response = await api.Client(api.OperatorKey).PutAsJsonAsync("/api/v1/cameras", batch);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
                .ToDictionary(r => r.GetProperty("id").GetString()!, r => (Status: r.GetProperty("status").GetInt32(), Detail: r.GetProperty("detail").GetString()));
            Assert.Equal((201, (string?)null), results[first]);
            Assert.Equal((200, (string?)null), results[second]);
            Assert.Equal(400, results[bad].Status);
            Assert.StartsWith("model profile 'no-such-profile' is not configured", results[bad].Detail, StringComparison.Ordinal);

            var scoped = api.Client(await api.ScopedKeyAsync(Storage.Keys.ApiRole.Operator, "batch-*"));
            using var mixed = await scoped.PutAsJsonAsync("/api/v1/cameras", new Dictionary<string, object> { [first] = good, [outside] = good });
            var scopedResults = (await mixed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("status").GetInt32());
            Assert.Equal(200, scopedResults[first]);
            Assert.Equal(403, scopedResults[outside]);
            Assert.Null(await Cluster.Grains.GetGrain<Abstractions.Cameras.ICameraGrain>(outside).GetRegistrationAsync());

            using var empty = await api.Client(api.OperatorKey).PutAsJsonAsync("/api/v1/cameras", new Dictionary<string, object>());
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync(first, second, bad, outside);
        }
    }

    [Fact]
    public async Task BadInputGetsTheClisOneLineMessageAsAProblem()
    {
        var api = await fixture.ApiAsync();
        var client = api.Client(api.OperatorKey);
        var cli = await Cluster.CliAsync("cameras", "add", "Bad_Id", "--source", Cluster.Video(Red), "--model", TestCluster.AnyProfile);
        using var put = await client.PutAsJsonAsync("/api/v1/cameras/Bad_Id", new { source = Cluster.Video(Red), profile = TestCluster.AnyProfile });
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        Assert.Equal(cli.StderrLines.Single().Replace("error: ", "", StringComparison.Ordinal), await Detail(put));

        // The same rule, each in its caller's words: the CLI names its flags, the API its parameters. Absolute instants:
        // "1h" is resolved when each request runs, and the CLI and the API may straddle a second.
        const string From = "2026-01-01T02:00:00Z", To = "2026-01-01T01:00:00Z";
        var cliRange = await Cluster.CliAsync("history", "--from", From, "--to", To);
        using var range = await client.GetAsync(new Uri($"/api/v1/history?from={Uri.EscapeDataString(From)}&to={Uri.EscapeDataString(To)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, range.StatusCode);
        Assert.Equal("error: the time range is empty or reversed: --from 2026-01-01T02:00:00Z is not before --to 2026-01-01T01:00:00Z", cliRange.StderrLines.Single());
        Assert.Equal("the time range is empty or reversed: from 2026-01-01T02:00:00Z is not before to 2026-01-01T01:00:00Z", await Detail(range));

        using var limit = await client.GetAsync(new Uri("/api/v1/history?limit=0", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, limit.StatusCode);
        Assert.Equal("limit 0 is invalid: expected 1 to 10000 records per page (use after to continue)", await Detail(limit));

        using var missing = await client.GetAsync(new Uri("/api/v1/cameras/nosuchcamera", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("camera 'nosuchcamera' is not registered", await Detail(missing), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACameraRegisteredOverTheApiLabelsAndItsHistorySegmentsAndSnapshotComeBackMatchingTheCli()
    {
        var api = await fixture.ApiAsync();
        var client = api.Client(api.OperatorKey);
        var camera = TestCluster.NewCameraId("apitrip");
        try
        {
            using var put = await client.PutAsJsonAsync($"/api/v1/cameras/{camera}", new { source = Cluster.Video(Red), profile = TestCluster.AnyProfile, loop = true });
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            await Cluster.WaitForHistoryAsync(camera, "6 stored events", h => h.Length >= 6);

            var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cameras/{camera}");
            Assert.Equal("Streaming", view.GetProperty("status").GetProperty("state").GetString());
            Assert.Equal(TestCluster.AnyProfile, view.GetProperty("profile").GetString());
            Assert.True(view.GetProperty("enabled").GetBoolean());

            var page = await client.GetFromJsonAsync<HistoryPage<ActionEvent>>($"/api/v1/history?camera={camera}&limit=5", CliRun.JsonOptions);
            Assert.NotNull(page);
            Assert.Equal(5, page.Items.Length);
            Assert.NotNull(page.Next);
            var cli = await Cluster.CliOkAsync("history", "--camera", camera, "--limit", "5", "--json");
            var cliEvents = cli.Json().GetProperty("items").Deserialize<ActionEvent[]>(CliRun.JsonOptions)!;
            Assert.Equal(cliEvents.Select(e => (e.Sequence, e.Label, e.End)), page.Items.Select(e => (e.Sequence, e.Label, e.End)));
            var next = await client.GetFromJsonAsync<HistoryPage<ActionEvent>>($"/api/v1/history?camera={camera}&limit=5&after={Uri.EscapeDataString(page.Next)}", CliRun.JsonOptions);
            Assert.True(next!.Items.All(e => e.Sequence > page.Items[^1].Sequence), "the second page repeats the first");

            var segments = await client.GetFromJsonAsync<HistoryPage<LabelSegment>>($"/api/v1/cameras/{camera}/segments?from=1h", CliRun.JsonOptions);
            Assert.NotEmpty(segments!.Items);
            Assert.All(segments.Items, s => Assert.Equal(camera, s.CameraId));

            using var snapshot = await client.GetAsync(new Uri($"/api/v1/cameras/{camera}/snapshot.jpg", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, snapshot.StatusCode);
            Assert.Equal("image/jpeg", snapshot.Content.Headers.ContentType?.MediaType);
            var jpeg = await snapshot.Content.ReadAsByteArrayAsync();
            Assert.Equal([0xFF, 0xD8], jpeg[..2]);

            using var disabled = await client.PostAsync(new Uri($"/api/v1/cameras/{camera}/disable", UriKind.Relative), null);
            Assert.Equal("Disabled", (await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetProperty("state").GetString());
            using var enabled = await client.PostAsync(new Uri($"/api/v1/cameras/{camera}/enable", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
            await Cluster.WaitForStatusAsync(camera, "streaming again after enable", s => s.State == Abstractions.Cameras.CameraState.Streaming);

            using var removed = await client.DeleteAsync(new Uri($"/api/v1/cameras/{camera}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
            using var gone = await client.DeleteAsync(new Uri($"/api/v1/cameras/{camera}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync(camera);
        }
    }

    [Fact]
    public async Task AServerSentEventsSubscriberReceivesEachNewLabelWithinTwoSecondsOfItBeingPersisted()
    {
        var api = await fixture.ApiAsync();
        var camera = TestCluster.NewCameraId("apisse");
        var client = api.Client(api.ViewerKey);
        using var cancel = new CancellationTokenSource(TestCluster.Patience);
        var response = await client.GetAsync(new Uri($"/api/v1/events/live?camera={camera}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        try
        {
            await Cluster.RegisterAsync(camera, Red);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
            var received = new List<(string Event, ActionEvent Label, DateTimeOffset At)>();
            string? name = null;
            while (received.Count < 5 && await reader.ReadLineAsync(cancel.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && name == "label")
                {
                    var live = JsonSerializer.Deserialize<JsonElement>(line["data: ".Length..]);
                    Assert.Equal("Label", live.GetProperty("kind").GetString());
                    received.Add((name, live.GetProperty("event").Deserialize<ActionEvent>(CliRun.JsonOptions)!, DateTimeOffset.UtcNow));
                }
            }

            Assert.Equal(5, received.Count);
            Assert.All(received, r => Assert.Equal(camera, r.Label.CameraId));
            Assert.All(received, r => Assert.True(r.At - r.Label.StoredAt < TimeSpan.FromSeconds(2), $"window {r.Label.Sequence} arrived {(r.At - r.Label.StoredAt).TotalMilliseconds:F0} ms after it was persisted"));
            Assert.Equal(received.Select(r => r.Label.Sequence).Order(), received.Select(r => r.Label.Sequence));

            // The subscriber leaves while the API waits for its next event: the stream ends quietly.
            response.Dispose();
            await Task.Delay(TimeSpan.FromSeconds(3), cancel.Token);
            Assert.DoesNotContain("EventsApi.LiveAsync", api.Process.ReadLog(), StringComparison.Ordinal);
        }
        finally
        {
            response.Dispose();
            await Cluster.RemoveQuietlyAsync(camera);
        }
    }

    [Fact]
    public async Task ACameraPasswordNeverAppearsInAnyResponseOrLog()
    {
        var api = await fixture.ApiAsync();
        const string Password = "pw-Zq8mX41";
        var camera = TestCluster.NewCameraId("apisecret");
        var client = api.Client(api.OperatorKey);
        try
        {
            var bodies = new List<string>();
            using (var put = await client.PutAsJsonAsync($"/api/v1/cameras/{camera}", new { source = $"rtsp://admin:{Password}@127.0.0.1:9/cam?token={Password}", profile = TestCluster.AnyProfile }))
            {
                Assert.Equal(HttpStatusCode.Created, put.StatusCode);
                bodies.Add(await put.Content.ReadAsStringAsync());
            }

            using (var bad = await client.PutAsJsonAsync($"/api/v1/cameras/{camera}", new { source = $"rtsp://admin:{Password}@127.0.0.1:9/cam", profile = "no-such-profile" }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
                bodies.Add(await bad.Content.ReadAsStringAsync());
            }

            await Cluster.WaitForStatusAsync(camera, "an error from the unreachable stream", s => s.LastError is not null);
            bodies.Add(await client.GetStringAsync(new Uri($"/api/v1/cameras/{camera}", UriKind.Relative)));
            bodies.Add(await client.GetStringAsync(new Uri("/api/v1/cameras", UriKind.Relative)));
            var cluster = await client.GetStringAsync(new Uri("/api/v1/cluster", UriKind.Relative));
            bodies.Add(cluster);
            Assert.True(JsonDocument.Parse(cluster).RootElement.GetProperty("storage").GetProperty("reachable").GetBoolean(), cluster);
            Assert.Contains(bodies, b => b.Contains("admin:***@127.0.0.1:9", StringComparison.Ordinal));
            Assert.All(bodies, b => Assert.DoesNotContain(Password, b, StringComparison.Ordinal));
            Assert.DoesNotContain(Password, File.ReadAllText(api.Process.LogPath), StringComparison.Ordinal);
            Assert.DoesNotContain(Password, await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), StringComparison.Ordinal);
            using var silos = new HttpClient();
            foreach (var silo in Cluster.Host.Silos.Where(s => s.IsRunning))
            {
                Assert.DoesNotContain(Password, await silos.GetStringAsync(new Uri(silo.HttpAddress, "/metrics")), StringComparison.Ordinal);
            }

            Assert.All(Cluster.Host.Silos, s => Assert.DoesNotContain(Password, File.ReadAllText(s.LogPath), StringComparison.Ordinal));
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync(camera);
        }
    }

    [Fact]
    public async Task AKeyThatSendsTooManyRequestsGets429AndOtherKeysKeepWorking()
    {
        await using var api = await ApiSession.StartAsync(Cluster, new Dictionary<string, string?> { ["ActionNet__Api__RequestsPerSecond"] = "1", ["ActionNet__Api__Burst"] = "3" });
        var busy = api.Client(api.ViewerKey);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await busy.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
            answers.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
        Assert.Equal(HttpStatusCode.OK, answers[0]);
        using var other = await api.Client(api.OperatorKey).GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task ProbesAreOpenMetricsNeedAKeyAndTheDashboardAsksABrowserForAnAdminKey()
    {
        var api = await fixture.ApiAsync();
        var anonymous = api.Client(key: null);
        using (var health = await anonymous.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        await DrillWait.UntilAsync("the API ready", TestCluster.Patience, async () => (await anonymous.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode, s => s == HttpStatusCode.OK);
        using (var metrics = await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, metrics.StatusCode);
        }

        var scrape = await api.Client(api.ViewerKey).GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("http_server_request_duration_seconds", scrape, StringComparison.Ordinal);

        using (var dashboard = await anonymous.GetAsync(new Uri("/dashboard/", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, dashboard.StatusCode);
            Assert.StartsWith("Basic", dashboard.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        using var basic = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        basic.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"admin:{api.AdminKey}")));
        using (var admin = await anonymous.SendAsync(basic))
        {
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }

        using var viewerBasic = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        viewerBasic.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"x:{api.ViewerKey}")));
        using var viewer = await anonymous.SendAsync(viewerBasic);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
    }

    [Fact]
    public async Task AlertRulesAreReadByViewersManagedByOperatorsAndCheckedByTheSameRulesAsTheCli()
    {
        var api = await fixture.ApiAsync();
        var viewer = api.Client(api.ViewerKey);
        var operatorClient = api.Client(api.OperatorKey);
        var id = TestCluster.NewCameraId("rule");
        // A camera that never exists, so the rule never fires at the unreachable receiver.
        var rule = new { cameras = new[] { $"{id}-cam" }, label = ProbeModel.Label(2, 7), minConfidence = 0.5, minDurationSeconds = 2, cooldownSeconds = 30, webhookUrl = "http://127.0.0.1:9/hook" };
        using (var forbidden = await viewer.PutAsJsonAsync($"/api/v1/alerts/rules/{id}", rule))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using (var created = await operatorClient.PutAsJsonAsync($"/api/v1/alerts/rules/{id}", rule))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var listed = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/alerts/rules");
        var stored = listed.EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
        Assert.Equal(ProbeModel.Label(2, 7), stored.GetProperty("label").GetString());
        Assert.Equal(2, stored.GetProperty("minDurationSeconds").GetDouble());

        var cli = await Cluster.CliAsync("alerts", "add", id, "--label", ProbeModel.Label(2, 7), "--min-confidence", "2", "--webhook", "http://127.0.0.1:9/hook");
        using (var bad = await operatorClient.PutAsJsonAsync($"/api/v1/alerts/rules/{id}", rule with { minConfidence = 2.0 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var detail = await Detail(bad);
            Assert.Contains("minConfidence '2' is invalid", detail, StringComparison.Ordinal);
            Assert.Equal(2, cli.ExitCode);
            Assert.Contains("'2' is invalid: expected a number from 0 to 1", cli.Stderr, StringComparison.Ordinal);
        }

        var deliveries = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/alerts/deliveries?limit=5");
        Assert.Equal(JsonValueKind.Array, deliveries.GetProperty("items").ValueKind);
        using (var badLimit = await viewer.GetAsync(new Uri("/api/v1/alerts/deliveries?limit=0", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        }

        using (var removed = await operatorClient.DeleteAsync(new Uri($"/api/v1/alerts/rules/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        using var gone = await viewer.GetAsync(new Uri($"/api/v1/alerts/rules/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static async Task<string> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString() ?? "";
}
