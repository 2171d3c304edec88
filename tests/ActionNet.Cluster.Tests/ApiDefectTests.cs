using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Cluster.Tests.Support;

namespace ActionNet.Cluster.Tests;

/// <summary>
/// What an outsider met at the API and the CLI, each fixed and kept fixed: bounds, labels no model has, tokens of other
/// queries, bodies and values of the wrong shape, metadata addresses, noisy refusals, silent streams, wrong methods and
/// missing security headers.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class ApiDefectTests(SharedClusterFixture fixture)
{
    private static readonly SolidColour Blue = new(0, 0, 255);

    private TestCluster Cluster => fixture.Cluster;

    [Theory]
    [InlineData(-3)]
    [InlineData(36_501)]
    [InlineData(int.MaxValue)]
    public async Task ARetentionOutsideZeroToAHundredYearsIsRefusedByTheApiTheCliAndTheGrain(int days)
    {
        var api = await fixture.ApiAsync();
        var camera = TestCluster.NewCameraId("retention");

        using var put = await api.Client(api.OperatorKey).PutAsJsonAsync($"/api/v1/cameras/{camera}", new { source = Cluster.Video(Blue), profile = TestCluster.AnyProfile, retentionDays = days });
        var cli = await Cluster.CliAsync("cameras", "add", camera, "--source", Cluster.Video(Blue), "--model", TestCluster.AnyProfile, "--retention-days", days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var grain = await Assert.ThrowsAnyAsync<ArgumentException>(() => Cluster.Grains.GetGrain<ICameraGrain>(camera).RegisterAsync(new CameraRegistration { Source = Cluster.Video(Blue), ModelProfile = TestCluster.AnyProfile, RetentionDays = days }));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal($"retention is {days}; expected 0 to 36500 days (0 keeps everything)", await Detail(put));
        Assert.Equal(2, cli.ExitCode);
        Assert.StartsWith($"error: --retention-days '{days}' is invalid: expected a whole number from 0 to 36500", cli.StderrLines.Single(), StringComparison.Ordinal);
        Assert.StartsWith($"retention is {days}", grain.Message, StringComparison.Ordinal);
        Assert.Null(await Cluster.Grains.GetGrain<ICameraGrain>(camera).GetRegistrationAsync());
    }

    [Fact]
    public async Task ARuleOrALiveFilterOnALabelNoModelGivesIsRefusedAndAnEmptyFilterToo()
    {
        var api = await fixture.ApiAsync();
        var id = TestCluster.NewCameraId("nolabel");
        var operatorClient = api.Client(api.OperatorKey);
        var labels = string.Join(", ", ProbeModel.Labels.Order(StringComparer.Ordinal));

        using var rule = await operatorClient.PutAsJsonAsync($"/api/v1/alerts/rules/{id}", new { cameras = new[] { "*" }, label = "dance", webhookUrl = "http://127.0.0.1:9/hook" });
        var cli = await Cluster.CliAsync("alerts", "add", id, "--label", "dance", "--webhook", "http://127.0.0.1:9/hook");
        using var live = await operatorClient.GetAsync(new Uri("/api/v1/events/live?label=dance", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        using var empty = await operatorClient.GetAsync(new Uri("/api/v1/events/live?label=", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        using var emptyCamera = await operatorClient.GetAsync(new Uri("/api/v1/history?camera=", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, rule.StatusCode);
        Assert.Equal($"label 'dance' is unknown: the models' labels are {labels}", await Detail(rule));
        Assert.Equal(2, cli.ExitCode);
        Assert.Equal($"error: label 'dance' is unknown: the models' labels are {labels}", cli.StderrLines.Single());
        Assert.Equal(HttpStatusCode.BadRequest, live.StatusCode);
        Assert.Equal($"label 'dance' is unknown: the models' labels are {labels}", await Detail(live));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("query parameter 'label' is empty: give it a value or leave it out", await Detail(empty));
        Assert.Equal("query parameter 'camera' is empty: give it a value or leave it out", await Detail(emptyCamera));
        Assert.Null(await Cluster.Grains.GetGrain<Abstractions.Alerts.IAlertRulesGrain>(Abstractions.Alerts.IAlertRulesGrain.Key).GetAsync(id));
    }

    [Fact]
    public async Task APagingTokenOfOneCamerasHistoryIsRefusedOnAnotherCamerasQueryInsteadOfSkippingRows()
    {
        var api = await fixture.ApiAsync();
        var first = TestCluster.NewCameraId("tokena");
        var second = TestCluster.NewCameraId("tokenb");
        var client = api.Client(api.ViewerKey);
        try
        {
            await Cluster.RegisterAsync(first, Blue);
            await Cluster.RegisterAsync(second, Blue);
            await Cluster.WaitForHistoryAsync(first, "3 stored events", h => h.Length >= 3);
            await Cluster.WaitForHistoryAsync(second, "3 stored events", h => h.Length >= 3);
            var page = await client.GetFromJsonAsync<HistoryPage<ActionEvent>>($"/api/v1/history?camera={first}&limit=1", CliRun.JsonOptions);
            var token = Uri.EscapeDataString(page!.Next!);

            using var other = await client.GetAsync(new Uri($"/api/v1/history?camera={second}&limit=1&after={token}", UriKind.Relative));
            using var label = await client.GetAsync(new Uri($"/api/v1/history?camera={first}&label={Uri.EscapeDataString(page.Items[0].Label)}&limit=1&after={token}", UriKind.Relative));
            using var same = await client.GetAsync(new Uri($"/api/v1/history?camera={first}&limit=1&after={token}", UriKind.Relative));
            var cli = await Cluster.CliAsync("history", "--camera", second, "--limit", "1", "--after", page.Next!);

            Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
            Assert.Contains("continues another query: give it the camera, label and minConfidence of the query that printed it", await Detail(other), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, label.StatusCode);
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
            Assert.Equal(2, cli.ExitCode);
            Assert.Contains("continues another query: give it the --camera, --label and --min-confidence of the query that printed it", cli.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync(first, second);
        }
    }

    [Fact]
    public async Task ARuleWhoseBodyNamesAnotherIdThanItsPathIsRefused()
    {
        var api = await fixture.ApiAsync();
        var id = TestCluster.NewCameraId("ruleid");

        using var put = await api.Client(api.OperatorKey).PutAsJsonAsync($"/api/v1/alerts/rules/{id}", new { id = "someone-else", cameras = new[] { $"{id}-cam" }, label = ProbeModel.Label(0, 0), webhookUrl = "http://127.0.0.1:9/hook" });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal($"id 'someone-else' in the body differs from '{id}' in the path: give the same id, or leave it out of the body", await Detail(put));
        Assert.Null(await Cluster.Grains.GetGrain<Abstractions.Alerts.IAlertRulesGrain>(Abstractions.Alerts.IAlertRulesGrain.Key).GetAsync("someone-else"));
    }

    [Theory]
    [InlineData("PUT", "/api/v1/cameras/badjson", "{\"source\": \"/x.mp4\", \"profile\": ", "the request body is not valid JSON: ")]
    [InlineData("PUT", "/api/v1/cameras/badjson", "{\"source\": \"/x.mp4\", \"profile\": \"probe\", \"stride\": \"four\"}", "stride is invalid: expected a whole number")]
    [InlineData("PUT", "/api/v1/cameras/badjson", "{\"source\": \"/x.mp4\", \"profile\": \"probe\", \"loop\": 1}", "loop is invalid: expected true or false")]
    [InlineData("PUT", "/api/v1/alerts/rules/badjson", "{\"cameras\": \"lobby\", \"label\": \"R_t0\"}", "cameras is invalid: expected a list")]
    [InlineData("PUT", "/api/v1/cameras/badjson", "", "the request body is missing: expected a JSON object")]
    [InlineData("GET", "/api/v1/history?limit=abc", null, "limit 'abc' is invalid: expected a whole number")]
    [InlineData("GET", "/api/v1/history?minConfidence=high", null, "minConfidence 'high' is invalid: expected a number")]
    [InlineData("GET", "/api/v1/alerts/deliveries?limit=1.5", null, "limit '1.5' is invalid: expected a whole number")]
    public async Task ABodyOrValueOfTheWrongShapeGetsAProblemSayingWhatWasExpected(string method, string path, string? body, string expected)
    {
        var api = await fixture.ApiAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };

        using var response = await api.Client(api.OperatorKey).SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = await Detail(response);
        Assert.StartsWith(expected, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMetadataAddressIsRefusedAsACameraSourceAndAsAWebhookWhilePrivateAddressesStayAllowed()
    {
        var api = await fixture.ApiAsync();
        var client = api.Client(api.OperatorKey);
        var camera = TestCluster.NewCameraId("metadata");
        var local = TestCluster.NewCameraId("private");
        try
        {
            using var source = await client.PutAsJsonAsync($"/api/v1/cameras/{camera}", new { source = "http://169.254.169.254/latest/meta-data/iam/security-credentials/", profile = TestCluster.AnyProfile });
            using var hook = await client.PutAsJsonAsync($"/api/v1/alerts/rules/{camera}", new { cameras = new[] { camera }, label = ProbeModel.Label(0, 0), webhookUrl = "http://169.254.169.254/latest/meta-data/" });
            var cli = await Cluster.CliAsync("cameras", "add", camera, "--source", "rtsp://169.254.169.254/cam", "--model", TestCluster.AnyProfile);
            using var allowed = await client.PutAsJsonAsync($"/api/v1/cameras/{local}", new { source = "rtsp://192.168.255.254:554/cam", profile = TestCluster.AnyProfile, enabled = false });

            Assert.Equal(HttpStatusCode.BadRequest, source.StatusCode);
            Assert.Equal(
                "source 'http://169.254.169.254/latest/meta-data/iam/security-credentials/' reaches 169.254.169.254, a link-local or cloud metadata address that ActionNet:Egress:Deny refuses (name it in ActionNet:Egress:Allow to let it through)",
                await Detail(source));
            Assert.Equal(HttpStatusCode.BadRequest, hook.StatusCode);
            Assert.StartsWith("webhookUrl 'http://169.254.169.254/latest/meta-data/' reaches 169.254.169.254", await Detail(hook), StringComparison.Ordinal);
            Assert.Equal(2, cli.ExitCode);
            Assert.StartsWith("error: source 'rtsp://169.254.169.254/cam' reaches 169.254.169.254", cli.StderrLines.Single(), StringComparison.Ordinal);
            Assert.Null(await Cluster.Grains.GetGrain<ICameraGrain>(camera).GetRegistrationAsync());
            Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync(camera, local);
        }
    }

    [Fact]
    public async Task SixHundredWrongKeysAreAllRefusedButWriteAtMostOneLogLine()
    {
        var api = await fixture.ApiAsync();
        var wrong = api.Client("ank_0123456789ab_not-the-secret");
        var before = RefusalLines(api.Process.ReadLog());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 600; i++)
        {
            using var response = await wrong.GetAsync(new Uri("/api/v1/cameras", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"a wrong key got {s}"));
        Assert.Contains(HttpStatusCode.Unauthorized, statuses);
        var log = api.Process.ReadLog();
        Assert.InRange(RefusalLines(log) - before, 0, 1);
        Assert.True(RefusalLines(log) >= 1, "the host never logged a refused key");
        Assert.DoesNotContain("not-the-secret", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALiveStreamWithNothingToSaySendsItsHeadersAndAFirstCommentAtOnce()
    {
        var api = await fixture.ApiAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var started = DateTimeOffset.UtcNow;

        using var response = await api.Client(api.ViewerKey).GetAsync(new Uri($"/api/v1/events/live?camera={TestCluster.NewCameraId("quiet")}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        var headers = DateTimeOffset.UtcNow - started;
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var first = await reader.ReadLineAsync(cancel.Token);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.True(headers < TimeSpan.FromSeconds(5), $"the headers took {headers.TotalSeconds:F1} s");
        Assert.Equal(": connected", first);
    }

    [Theory]
    [InlineData("PATCH", "/api/v1/cameras/any-camera", "DELETE, GET, PUT")]
    [InlineData("TRACE", "/api/v1/cameras/any-camera", "DELETE, GET, PUT")]
    [InlineData("POST", "/api/v1/history", "GET")]
    [InlineData("DELETE", "/api/v1/cluster", "GET")]
    public async Task AKnownRouteAskedWithAnotherMethodAnswers405WithTheMethodsItTakes(string method, string path, string allow)
    {
        var api = await fixture.ApiAsync();

        using var response = await api.Client(api.ViewerKey).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        using var missing = await api.Client(api.ViewerKey).SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/v1/no-such-route"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal($"{method} is not allowed on {path}: it answers {allow}", await Detail(response));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task TheConsoleAndTheApiSendTheirContentSecurityPolicyAndHardeningHeadersAsHeaders()
    {
        var api = await fixture.ApiAsync();
        var anonymous = api.Client(key: null);

        using var console = await anonymous.GetAsync(new Uri("/", UriKind.Relative));
        using var problem = await anonymous.GetAsync(new Uri("/api/v1/cameras", UriKind.Relative));
        var page = await console.Content.ReadAsStringAsync();

        foreach (var response in new[] { console, problem })
        {
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }

        Assert.Contains("<div id=\"app\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"Content-Security-Policy\"", page, StringComparison.Ordinal);
    }

    private static int RefusalLines(string log) =>
        log.Split('\n').Count(l => l.Contains("authentication refused from", StringComparison.Ordinal));

    private static async Task<string> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString() ?? "";
}
