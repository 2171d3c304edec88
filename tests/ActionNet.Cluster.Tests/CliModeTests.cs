using System.Text.Json;
using ActionNet.Abstractions.Alerts;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.Cluster;
using ActionNet.Abstractions.History;
using ActionNet.Cluster.Tests.Support;
using ActionNet.Storage.Keys;

namespace ActionNet.Cluster.Tests;

/// <summary>
/// The same CLI scenarios through the Orleans gateways and through the REST API (<c>--api</c>, <c>--api-key</c>), against
/// the real shared cluster and API host: the same output, the same one-line errors and the same exit codes either way.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class CliModeTests(SharedClusterFixture fixture)
{
    private static readonly SolidColour Red = new(255, 0, 0);

    private TestCluster Cluster => fixture.Cluster;

    public static TheoryData<string> Modes() => ["gateway", "api"];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task CamerasHistoryWatchAndAlertsAnswerTheSameThroughEitherWay(string mode)
    {
        var cli = await ModeAsync(mode);
        var camera = TestCluster.NewCameraId($"cli{mode}");
        var rule = $"{camera}-rule";
        var video = Cluster.Video(Red);
        try
        {
            var added = await cli.OkAsync("cameras", "add", camera, "--source", video, "--model", TestCluster.AnyProfile, "--loop", "--retention-days", "7");
            Assert.Equal($"camera {camera} registered: {video} with profile {TestCluster.AnyProfile}", added.Stdout.Trim());
            var listed = (await cli.OkAsync("cameras", "list", "--json")).Json<CameraStatus[]>();
            Assert.Contains(listed, s => s.CameraId == camera);
            var status = (await cli.OkAsync("cameras", "status", camera, "--json")).Json<CameraStatus>();
            Assert.Equal(camera, status.CameraId);
            Assert.Matches($"camera +{camera}", (await cli.OkAsync("cameras", "status", camera)).Stdout);

            var stored = await Cluster.WaitForHistoryAsync(camera, "4 stored events", h => h.Length >= 4);
            var page = (await cli.OkAsync("history", "--camera", camera, "--limit", "2", "--json")).Json();
            Assert.Equal(stored.Take(2).Select(e => e.Sequence), page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()));
            var next = page.GetProperty("next").GetString()!;
            var second = (await cli.OkAsync("history", "--camera", camera, "--limit", "2", "--after", next, "--json")).Json();
            Assert.Equal(stored.Skip(2).Take(2).Select(e => e.Sequence), second.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()));
            var table = await cli.OkAsync("history", "--camera", camera, "--limit", "2");
            Assert.Contains("2 event(s)", table.Stdout, StringComparison.Ordinal);
            Assert.Contains("more: this page stopped at --limit 2; continue with --after ", table.Stdout, StringComparison.Ordinal);
            Assert.NotEmpty((await cli.OkAsync("history", "segments", "--camera", camera, "--json")).Json().GetProperty("items").EnumerateArray());
            Assert.Contains((await cli.OkAsync("history", "summary", "--camera", camera, "--json")).Json().GetProperty("items").EnumerateArray(), t => t.GetProperty("cameraId").GetString() == camera);
            Assert.Equal(JsonValueKind.Array, (await cli.OkAsync("history", "gaps", "--camera", camera, "--json")).Json().GetProperty("items").ValueKind);
            var export = await cli.OkAsync("history", "export", "--camera", camera, "--format", "csv", "--to", stored[3].End.AddTicks(1).ToString("O"));
            Assert.Equal(["camera", "sequence"], export.Stdout.Split('\n')[0].Split(',')[..2]);
            Assert.Equal(stored.Take(4).Select(e => e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)), export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[1]));
            Assert.Contains("exported 4 event(s)", export.Stderr, StringComparison.Ordinal);

            var watched = await cli.OkAsync("watch", "--camera", camera, "--count", "2", "--json");
            var live = watched.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<ActionEvent>(l, CliRun.JsonOptions)!).ToArray();
            Assert.Equal(2, live.Length);
            Assert.All(live, e => Assert.Equal(camera, e.CameraId));

            var label = stored[0].Label;
            var alert = await cli.OkAsync("alerts", "add", rule, "--camera", $"{camera}-never", "--label", label, "--webhook", "http://127.0.0.1:9/hook", "--disabled");
            Assert.Equal($"alert rule {rule} stored: {label} on {camera}-never, confidence >= 0, >= 0 s, cooldown 0 s, to webhook http://127.0.0.1:9/hook (disabled)", alert.Stdout.Trim());
            Assert.Contains((await cli.OkAsync("alerts", "list", "--json")).Json<AlertRule[]>(), r => r.Id == rule && !r.Enabled);
            Assert.Equal(JsonValueKind.Array, (await cli.OkAsync("alerts", "deliveries", "--limit", "3", "--json")).Json().GetProperty("items").ValueKind);
            Assert.Equal($"alert rule {rule} removed", (await cli.OkAsync("alerts", "remove", rule)).Stdout.Trim());

            Assert.NotEmpty((await cli.OkAsync("cluster", "status", "--json")).Json<ClusterStatus>().Silos);
            Assert.Contains("silo(s),", (await cli.OkAsync("cluster", "status")).Stdout, StringComparison.Ordinal);

            Assert.Equal($"camera {camera} removed; its history is kept", (await cli.OkAsync("cameras", "remove", camera)).Stdout.Trim());
            await cli.FailsAsync(2, $"error: camera '{camera}' is not registered; 'actionnet cameras list' shows the registered cameras", "cameras", "status", camera);
            await cli.FailsAsync(2, $"error: camera '{camera}' is not registered; 'actionnet cameras list' shows the registered cameras", "cameras", "remove", camera);
            await cli.FailsAsync(2, $"error: alert rule '{rule}' does not exist; 'actionnet alerts list' shows the rules", "alerts", "remove", rule);
            await cli.FailsAsync(2, "error: the time range is empty or reversed: --from 2026-01-01T02:00:00Z is not before --to 2026-01-01T01:00:00Z", "history", "--from", "2026-01-01T02:00:00Z", "--to", "2026-01-01T01:00:00Z");
            await cli.FailsAsync(2, $"error: --after '{next[..40]}...' continues another query: give it the --camera, --label and --min-confidence of the query that printed it, or leave it out to start again", "history", "--limit", "2", "--after", next);
            await cli.FailsAsync(2, $"error: label 'dance' is unknown: the models' labels are {string.Join(", ", ProbeModel.Labels.Order(StringComparer.Ordinal))}", "alerts", "add", rule, "--label", "dance", "--mqtt");
            Assert.StartsWith("error: no silo 'no-such-silo' reports to the cluster; silos: ", (await cli.RunFailingAsync(2, "cluster", "drain", "no-such-silo")).StderrLines.Single(), StringComparison.Ordinal);
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync(camera);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task KeysAreCreatedLimitedToCamerasListedAndRevokedEitherWay(string mode)
    {
        var cli = await ModeAsync(mode);
        var name = TestCluster.NewCameraId($"key{mode}");

        var created = (await cli.OkAsync("keys", "create", "--role", "viewer", "--name", name, "--cameras", "lobby-*,dock-1", "--json")).Json();
        var id = created.GetProperty("id").GetString()!;
        var listed = (await cli.OkAsync("keys", "list", "--json")).Json<ApiKeyInfo[]>().Single(k => k.Id == id);
        var verified = await (await fixture.ApiAsync()).Keys.VerifyAsync(created.GetProperty("key").GetString()!);

        Assert.Equal(["lobby-*", "dock-1"], created.GetProperty("cameras").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal((name, ApiRole.Viewer), (listed.Name, listed.Role));
        Assert.Equal(["lobby-*", "dock-1"], listed.Cameras);
        Assert.Equal(["lobby-*", "dock-1"], verified!.Cameras);
        Assert.Matches($@"{id} +│ viewer +│ {name} +│ lobby-\*,dock-1 +│", (await cli.OkAsync("keys", "list")).Stdout);
        Assert.Equal($"key {id} revoked", (await cli.OkAsync("keys", "revoke", id)).Stdout.Trim());
        await cli.FailsAsync(2, "error: key 'ffffffffffff' does not exist; 'actionnet keys list' shows the keys", "keys", "revoke", "ffffffffffff");
        await cli.FailsAsync(2, "error: an admin key cannot be limited to cameras (lobby-*): admins manage keys; limit a viewer or operator key instead", "keys", "create", "--role", "admin", "--cameras", "lobby-*");
    }

    [Fact]
    public async Task AStorageAccountKeyTheAccountRefusesIsBadInputInOneLine()
    {
        var connection = Cluster.Host.Storage.ConnectionString;
        var key = connection.Split(';').Single(p => p.StartsWith("AccountKey=", StringComparison.Ordinal));
        var wrong = connection.Replace(key, "AccountKey=" + Convert.ToBase64String(new byte[64]), StringComparison.Ordinal);

        var run = await CliProcess.RunAsync(["keys", "list", "--storage", wrong]);

        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: storage account from setting '--storage' at ", line, StringComparison.Ordinal);
        Assert.EndsWith("the account refused the credentials; check the account name and key", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
    }

    private async Task<ModeCli> ModeAsync(string mode)
    {
        var api = await fixture.ApiAsync();
        string[] where = mode == "api"
            ? ["--api", api.BaseAddress.AbsoluteUri, "--api-key", api.AdminKey]
            : ["--gateway", Cluster.Host.Gateways, "--cluster-id", Cluster.Host.ClusterId, "--service-id", Cluster.Host.ClusterId];
        return new ModeCli(where, mode == "api" ? null : Cluster.Host.Storage.ConnectionString, Cluster.Diagnostics);
    }

    // The CLI pointed at the cluster one way; keys go to the storage account in gateway mode (the bootstrap) and through the API otherwise.
    private sealed record ModeCli(string[] Where, string? Storage, Func<string> Diagnostics)
    {
        public Task<CliRun> RunAsync(params string[] arguments) =>
            CliProcess.RunAsync(arguments[0] == "keys" ? [.. arguments, .. Storage is null ? Where : ["--storage", Storage]] : [.. arguments, .. Where]);

        public async Task<CliRun> OkAsync(params string[] arguments)
        {
            var run = await RunAsync(arguments);
            Assert.True(run.ExitCode == 0, $"{run}\n{Diagnostics()}");
            return run;
        }

        public async Task FailsAsync(int code, string line, params string[] arguments) =>
            Assert.Equal(line, Assert.Single((await RunFailingAsync(code, arguments)).StderrLines));

        public async Task<CliRun> RunFailingAsync(int code, params string[] arguments)
        {
            var run = await RunAsync(arguments);
            Assert.True(run.ExitCode == code, run.ToString());
            Assert.Single(run.StderrLines);
            return run;
        }
    }
}
