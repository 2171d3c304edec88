using ActionNet.Abstractions.Alerts;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Cluster.Tests.Support;
using ActionNet.Drills;
using MQTTnet.Protocol;

namespace ActionNet.Cluster.Tests;

/// <summary>
/// Alert rules on a live cluster: firings of real label segments delivered to a real local HTTP receiver (signed)
/// and a real mosquitto broker, once per segment; a receiver that is down is retried until it is back, or
/// recorded as failed when it stays down. Rules and deliveries go through the real CLI.
/// </summary>
[Collection(AlertClusterCollection.Name)]
public sealed class AlertDeliveryTests(AlertClusterFixture fixture)
{
    private static readonly SolidColour Green = new(0, 200, 0);
    private static readonly SolidColour Red = new(200, 0, 0);

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task ARuleFiresOncePerSegmentToTheWebhookAndMqttAndTheSignatureVerifies()
    {
        var camera = TestCluster.NewCameraId("beat");
        var rule = TestCluster.NewCameraId("green");
        await using var receiver = new WebhookReceiver(fixture.Secret).Start();
        await using var mqtt = await MqttRecorder.ConnectAsync(fixture.Broker);

        // 4 s of green, then 4 s of red, looped: a green segment ends every 8 s.
        var video = ColourVideo.Write(Path.Combine(Cluster.Folder, $"{camera}.mp4"), (Green, 100), (Red, 100));
        try
        {
            await Cluster.Grains.GetGrain<ICameraGrain>(camera).RegisterAsync(new CameraRegistration { Source = video, Loop = true, ModelProfile = TestCluster.AnyProfile });
            var label = (await Cluster.WaitForHistoryAsync(camera, "the first stored label", h => h.Length > 0))[0].Label;
            var added = await Cluster.CliOkAsync("alerts", "add", rule, "--label", label, "--camera", camera, "--min-seconds", "1", "--min-confidence", "0.05", "--webhook", receiver.Url, "--mqtt");
            await DrillWait.UntilAsync(
                "two firings ended on the webhook and on MQTT",
                TimeSpan.FromSeconds(120),
                () => Task.FromResult((Webhook: EndedKeys(receiver.Received.Select(r => r.Body)).Count, Mqtt: EndedKeys(mqtt.Received.Select(m => m.Body)).Count)),
                n => n.Webhook >= 2 && n.Mqtt >= 2,
                Cluster.Diagnostics);
            await Cluster.RemoveQuietlyAsync(camera);

            var requests = receiver.Received;
            var messages = mqtt.Received;
            var ended = EndedKeys(requests.Select(r => r.Body)).Intersect(EndedKeys(messages.Select(m => m.Body))).ToArray();
            Assert.True(ended.Length >= 2, $"firings ended on both targets: {string.Join(", ", ended)}");
            Assert.Contains($"alert rule {rule} stored", added.Stdout, StringComparison.Ordinal);

            // Every request is signed with the cluster's secret and carries its firing's key in the header and the body.
            Assert.All(requests, r =>
            {
                Assert.True(r.SignatureValid, $"bad signature on {r.DeliveryId}");
                Assert.Equal(r.Body.Key, r.IdempotencyKey);
                Assert.Equal(AlertKeys.DeliveryId(r.Body.Key, r.Body.Step, AlertTarget.Webhook), r.DeliveryId);
                Assert.Equal(AlertKeys.FiringId(rule, camera, r.Body.Segment.FirstSequence), r.Body.Key);
            });

            // Each phase of each firing arrives once per target and in order: start, updates, end.
            foreach (var key in ended)
            {
                var webhookSteps = requests.Where(r => r.Body.Key == key).Select(r => r.Body.Step).ToArray();
                Assert.Equal("start", webhookSteps[0]);
                Assert.Equal("end", webhookSteps[^1]);
                Assert.Equal(webhookSteps.Length, webhookSteps.Distinct().Count());
                foreach (var topic in new[] { "actionnet/events", $"actionnet/{camera}/{label}" })
                {
                    var mqttSteps = messages.Where(m => m.Topic == topic && m.Body.Key == key).Select(m => m.Body.Step).ToArray();
                    Assert.Equal(webhookSteps.Order(StringComparer.Ordinal), mqttSteps.Order(StringComparer.Ordinal));
                }
            }

            Assert.All(messages, m => Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, m.QualityOfService));

            // One firing per stored segment that meets the rule, between the first and the last firing that ended.
            // (The live end comes before the store's next flush closes the stored segment.)
            var fired = ended.Select(k => requests.First(r => r.Body.Key == k).Body.Segment.FirstSequence).Order().ToArray();
            var segments = await DrillWait.UntilAsync(
                "the fired segments stored closed",
                TimeSpan.FromSeconds(30),
                () => HistoryPages.ToListAsync(new HistoryQuery { Cameras = [camera], Limit = HistoryQueryRules.MaxLimit }, Cluster.Grains.GetGrain<IHistoryGrain>("history").SegmentsAsync),
                all => fired.All(f => all.Any(s => s.FirstSequence == f && !s.Open)),
                Cluster.Diagnostics);
            var qualifying = segments
                .Where(s => !s.Open && s.Label == label && s.Seconds >= 1 && s.FirstSequence >= fired[0] && s.FirstSequence <= fired[^1])
                .Select(s => s.FirstSequence)
                .Order();
            Assert.Equal(qualifying, fired);
            foreach (var key in ended)
            {
                var end = requests.Single(r => r.Body.Key == key && r.Body.Step == "end").Body.Segment;
                var stored = segments.Single(s => s.FirstSequence == end.FirstSequence);
                Assert.Equal((stored.LastSequence, stored.Windows, false), (end.LastSequence, end.Windows, end.Open));
            }

            // The outbox records every phase of those firings as delivered to both targets.
            var deliveries = await DrillWait.UntilAsync(
                "the ended firings' deliveries recorded as delivered",
                TimeSpan.FromSeconds(30),
                async () => (await Cluster.CliOkAsync("alerts", "deliveries", "--json", "--limit", "1000")).Json<HistoryPage<AlertDelivery>>().Items.Where(d => ended.Contains(d.FiringId)).ToArray(),
                d => d.Length > 0 && d.All(x => x.Outcome == AlertOutcome.Delivered),
                Cluster.Diagnostics);
            Assert.Equal(requests.Count(r => ended.Contains(r.Body.Key)) * 2, deliveries.Length);
            Assert.All(deliveries, d => Assert.Equal((1, rule, camera), (d.Attempts, d.RuleId, d.CameraId)));

            // Pages continue newest first from their token.
            var first = (await Cluster.CliOkAsync("alerts", "deliveries", "--json", "--limit", "1")).Json<HistoryPage<AlertDelivery>>();
            var second = (await Cluster.CliOkAsync("alerts", "deliveries", "--json", "--limit", "1", "--after", first.Next!)).Json<HistoryPage<AlertDelivery>>();
            Assert.NotEqual(first.Items[0].Id, second.Items[0].Id);
            Assert.True(second.Items[0].CreatedAt <= first.Items[0].CreatedAt);

            // Deliveries are counted by outcome on the silo's /metrics; no secret is in a listing, a log or the metrics.
            var scrape = await MetricsAsync();
            Assert.True(scrape.Value("actionnet_alerts_delivered_total", ("outcome", "delivered")) >= deliveries.Length, scrape.Text);
            var listed = await Cluster.CliOkAsync("alerts", "list", "--json");
            var text = listed.Stdout + scrape.Text + string.Concat(Cluster.Host.Silos.Select(s => s.ReadLog()));
            Assert.False(AlertClusterSettings.LeaksSecret(text, fixture.Broker, fixture.Secret), "the webhook secret or the broker password appears in a rule listing, a silo log or /metrics");
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync(camera);
            await Cluster.CliAsync("alerts", "remove", rule);
        }
    }

    [Fact]
    public async Task AReceiverDownFor30SecondsGetsTheFiringAfterwardsAndOneThatStaysDownIsRecordedAsFailed()
    {
        var camera = TestCluster.NewCameraId("outage");
        var late = TestCluster.NewCameraId("late");
        var never = TestCluster.NewCameraId("never");
        await using var receiver = new WebhookReceiver(fixture.Secret);
        var nowhere = new WebhookReceiver(fixture.Secret);
        try
        {
            await Cluster.RegisterAsync(camera, Green);
            var label = (await Cluster.WaitForHistoryAsync(camera, "the first stored label", h => h.Length > 0))[0].Label;
            await Cluster.CliOkAsync("alerts", "add", late, "--label", label, "--camera", camera, "--webhook", receiver.Url);
            await Cluster.CliOkAsync("alerts", "add", never, "--label", label, "--camera", camera, "--webhook", nowhere.Url);

            // The camera's segment started both firings; no more phases are needed.
            var failing = await DrillWait.UntilAsync("a failed attempt at the late receiver", TestCluster.Patience, () => StartAsync(late), d => d is { Attempts: >= 1, LastError: not null }, Cluster.Diagnostics);
            var neverStart = (await DrillWait.UntilAsync("the unreachable receiver's start recorded", TestCluster.Patience, () => StartAsync(never), d => d is not null, Cluster.Diagnostics))!.Id;
            await Cluster.RemoveQuietlyAsync(camera);
            var lateStart = failing!.Id;
            var downSince = DateTimeOffset.UtcNow;
            var pending = await DrillWait.UntilAsync(
                "the late receiver's start still pending after 30 s of failed attempts",
                TimeSpan.FromSeconds(45),
                () => DeliveryAsync(lateStart),
                d => DateTimeOffset.UtcNow - downSince >= TimeSpan.FromSeconds(30) && d?.Outcome == AlertOutcome.Pending,
                Cluster.Diagnostics);

            receiver.Start();
            var delivered = await DrillWait.UntilAsync("the late receiver's start delivered", TimeSpan.FromSeconds(30), () => DeliveryAsync(lateStart), d => d?.Outcome == AlertOutcome.Delivered, Cluster.Diagnostics);
            var failed = await DrillWait.UntilAsync("the unreachable receiver's start recorded as failed", TimeSpan.FromSeconds(AlertClusterSettings.RetrySeconds + 30), () => DeliveryAsync(neverStart), d => d?.Outcome == AlertOutcome.Failed, Cluster.Diagnostics);

            Assert.Equal(AlertOutcome.Pending, pending!.Outcome);
            Assert.Contains($"127.0.0.1:{receiver.Port}", failing.LastError, StringComparison.Ordinal);
            var first = Assert.Single(receiver.Received, r => r.DeliveryId == lateStart);
            Assert.True(first.SignatureValid);
            Assert.Equal(failing.FiringId, first.IdempotencyKey);
            Assert.True(delivered!.Attempts > 10, $"delivered after {delivered.Attempts} attempts");
            Assert.True(delivered.CompletedAt - delivered.CreatedAt >= TimeSpan.FromSeconds(30), $"delivered {delivered.CompletedAt - delivered.CreatedAt} after it was recorded");
            Assert.True(failed!.CompletedAt - failed.CreatedAt >= TimeSpan.FromSeconds(AlertClusterSettings.RetrySeconds), $"given up {failed.CompletedAt - failed.CreatedAt} after it was recorded");
            Assert.Contains($"127.0.0.1:{nowhere.Port}", failed.LastError, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', failed.LastError!);

            var scrape = await MetricsAsync();
            Assert.True(scrape.Value("actionnet_alerts_delivered_total", ("outcome", "retried")) >= delivered.Attempts - 1, scrape.Text);
            Assert.True(scrape.Value("actionnet_alerts_delivered_total", ("outcome", "failed")) >= 1, scrape.Text);
            var table = await Cluster.CliOkAsync("alerts", "deliveries", "--limit", "1000");
            Assert.Contains(table.Stdout.Split('\n'), line => line.Contains(never, StringComparison.Ordinal) && line.Contains("failed", StringComparison.Ordinal) && line.Contains("start", StringComparison.Ordinal));
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync(camera);
            await Cluster.CliAsync("alerts", "remove", late);
            await Cluster.CliAsync("alerts", "remove", never);
            await nowhere.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheRulesGrainStoresChecksAndRemovesRulesAsTheApiCallsIt()
    {
        var grain = Cluster.Grains.GetGrain<IAlertRulesGrain>(IAlertRulesGrain.Key);
        var id = TestCluster.NewCameraId("api");
        var rule = new AlertRule { Id = id, Cameras = ["cam-a", "cam-b"], Label = ProbeModel.Label(1, 3), MinConfidence = 0.8, MinDurationSeconds = 2, CooldownSeconds = 60, Mqtt = true };

        var bad = await Assert.ThrowsAsync<ArgumentException>(() => grain.PutAsync(rule with { MinConfidence = 2 }));
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => grain.PutAsync(rule with { Label = "fall_floor" }));
        var badId = await Assert.ThrowsAsync<ArgumentException>(() => grain.GetAsync("../rules"));
        var badToken = await Assert.ThrowsAsync<ArgumentException>(() => grain.DeliveriesAsync(10, "not-a-token"));
        var badLimit = await Assert.ThrowsAsync<ArgumentException>(() => grain.DeliveriesAsync(0, null));
        await grain.PutAsync(rule);
        var stored = await grain.GetAsync(id);
        var listed = await grain.ListAsync();
        var removed = await grain.RemoveAsync(id);
        var again = await grain.RemoveAsync(id);

        Assert.Equal("minConfidence '2' is invalid: expected a number from 0 to 1", bad.Message);
        Assert.StartsWith("label 'fall_floor' is unknown: the models' labels are B_t0, B_t1", unknown.Message, StringComparison.Ordinal);
        Assert.StartsWith("id '../rules' is invalid", badId.Message, StringComparison.Ordinal);
        Assert.StartsWith("after 'not-a-token' is not a continuation token", badToken.Message, StringComparison.Ordinal);
        Assert.StartsWith("limit '0' is invalid", badLimit.Message, StringComparison.Ordinal);
        Assert.Equal((rule.Label, rule.MinConfidence, rule.MinDurationSeconds, rule.CooldownSeconds, true), (stored!.Label, stored.MinConfidence, stored.MinDurationSeconds, stored.CooldownSeconds, stored.Mqtt));
        Assert.Equal(rule.Cameras, stored.Cameras);
        Assert.Contains(listed, r => r.Id == id);
        Assert.True(removed);
        Assert.False(again);
        Assert.Null(await grain.GetAsync(id));
    }

    [Theory]
    [InlineData("Bad_Id --label x --mqtt", "id 'Bad_Id' is invalid")]
    [InlineData("ok-id --label x", "the rule has no target")]
    [InlineData("ok-id --label x --webhook ftp://example.com/x", "webhookUrl 'ftp://example.com/x' is invalid")]
    [InlineData("ok-id --label x --mqtt --camera ../etc", "cameras holds '../etc'")]
    [InlineData("ok-id --label x --mqtt --min-confidence 2", "--min-confidence '2' is invalid")]
    public async Task ABadRuleIsRefusedWithOneLineAndExitCode2(string arguments, string expected)
    {
        var run = await Cluster.CliAsync(["alerts", "add", .. arguments.Split(' ')]);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingARuleThatDoesNotExistSaysSoWithExitCode2()
    {
        var run = await Cluster.CliAsync("alerts", "remove", TestCluster.NewCameraId("none"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    private static HashSet<string> EndedKeys(IEnumerable<AlertNotification> bodies) =>
        [.. bodies.Where(b => b.Phase == AlertPhase.End).Select(b => b.Key)];

    private async Task<PrometheusScrape> MetricsAsync()
    {
        using var http = new HttpClient { BaseAddress = Cluster.Silo("cpu").HttpAddress, Timeout = TimeSpan.FromSeconds(10) };
        return await PrometheusScrape.ReadAsync(http);
    }

    private async Task<AlertDelivery?> DeliveryAsync(string id) =>
        (await Cluster.Grains.GetGrain<IAlertRulesGrain>(IAlertRulesGrain.Key).DeliveriesAsync(AlertInputRules.MaxDeliveriesLimit, null)).Items.FirstOrDefault(d => d.Id == id);

    private async Task<AlertDelivery?> StartAsync(string rule) =>
        (await Cluster.Grains.GetGrain<IAlertRulesGrain>(IAlertRulesGrain.Key).DeliveriesAsync(AlertInputRules.MaxDeliveriesLimit, null)).Items.FirstOrDefault(d => d.RuleId == rule && d.Phase == AlertPhase.Start);
}
