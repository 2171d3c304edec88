using ActionNet.Abstractions.Alerts;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.Cluster;
using ActionNet.Abstractions.Live;
using ActionNet.Cluster.Tests.Support;
using ActionNet.Drills;
using ActionNet.LocalCluster;
using Xunit.Abstractions;

namespace ActionNet.Cluster.Tests;

/// <summary>
/// The silo running the camera's partition's alert router SIGKILLed in the middle of a firing, while the camera
/// streams on the other silo: the firing is not lost (its next phases come from that router's new activation) and
/// nothing is delivered twice under a new key. Kills a silo, so it has a cluster (and broker) of its own.
/// </summary>
public sealed class AlertFailoverTests(ITestOutputHelper output)
{
    private static readonly SolidColour Green = new(0, 200, 0);

    [Fact]
    public async Task ASiloKilledMidSegmentCausesNoDuplicateFiringWithoutTheSameKey()
    {
        var folder = Path.Combine(RepositoryLayout.WorkFolder("cluster-tests"), $"mqtt-{Guid.NewGuid():N}"[..13]);
        var secret = AlertClusterSettings.NewSecret();
        try
        {
            await using var broker = await MosquittoBroker.StartAsync(folder);
            await using var cluster = await TestCluster.StartAsync("alert-kill", AlertClusterSettings.For(broker, secret), "cpu", "cpu");
            await using var receiver = new WebhookReceiver(secret).Start();
            await using var mqtt = await MqttRecorder.ConnectAsync(broker);
            var camera = TestCluster.NewCameraId("kill");
            var rule = TestCluster.NewCameraId("held");

            // The routers are woken at silo start. The camera's partition router's silo takes no camera, so killing it
            // leaves the segment going.
            var router = await RouterSiloAsync(cluster, camera);
            var victim = cluster.Host.Silos.Single(s => s.SiloPort == router.Endpoint.Port);
            var survivor = cluster.Host.Silos.Single(s => s != victim);
            await DrillWait.UntilAsync("the router's silo drained", TestCluster.Patience, () => cluster.Grains.GetGrain<IClusterStatusGrain>(0).DrainAsync(router.ToParsableString()), _ => true, cluster.Diagnostics);
            await cluster.RegisterAsync(camera, Green);
            await cluster.WaitForStatusAsync(camera, $"streaming on {survivor.Name}", s => s.State == CameraState.Streaming && s.Silo == survivor.Name);
            var label = (await cluster.WaitForHistoryAsync(camera, "the first stored label", h => h.Length > 0))[0].Label;
            await cluster.CliOkAsync("alerts", "add", rule, "--label", label, "--camera", camera, "--min-seconds", "1", "--webhook", receiver.Url, "--mqtt");
            await DrillWait.UntilAsync(
                "the firing's start and first update on the webhook and MQTT",
                TestCluster.Patience,
                () => Task.FromResult(receiver.Received.Count + mqtt.Received.Count),
                _ => receiver.Received.Any(r => r.Body.Step == "update-1") && mqtt.Received.Any(m => m.Body.Step == "update-1"),
                cluster.Diagnostics);

            await victim.KillAsync();
            var killedAt = DateTimeOffset.UtcNow;
            await cluster.ReconnectAsync();
            var key = receiver.Received[0].Body.Key;
            var before = receiver.Received.Where(r => r.Body.Key == key).Select(r => r.Body.Step).ToHashSet();
            output.WriteLine($"killed {victim.Name} with the router; the camera streams on {survivor.Name}; before the kill: {string.Join(", ", before)}");

            // The router comes back on the survivor and the firing carries on with the same key: updates while the
            // segment goes on, and its end if the camera's windows paused long enough for a gap (the live stream's
            // queue may have died with the silo, which holds up the camera's aggregator until it is found dead).
            await DrillWait.UntilAsync(
                "the firing's next phases, decided after the kill, on the webhook and MQTT",
                TimeSpan.FromSeconds(150),
                () => Task.FromResult((
                    Webhook: receiver.Received.Where(r => r.Body.Key == key && !before.Contains(r.Body.Step)).Select(r => r.Body.Step).Distinct().ToArray(),
                    Mqtt: mqtt.Received.Count(m => m.Body.Key == key && !before.Contains(m.Body.Step)))),
                n => n.Mqtt > 0 && (n.Webhook.Length >= 2 || n.Webhook.Contains("end")),
                cluster.Diagnostics);
            var moved = await RouterSiloAsync(cluster, camera);
            await cluster.RemoveQuietlyAsync(camera);

            var requests = receiver.Received;
            var messages = mqtt.Received.Where(m => m.Topic == "actionnet/events").ToArray();
            foreach (var r in requests)
            {
                output.WriteLine($"{r.At:HH:mm:ss.fff} {r.Body.Key} {r.Body.Step}{(r.At > killedAt ? " (after the kill)" : "")}");
            }

            Assert.Equal(survivor.SiloPort, moved.Endpoint.Port);
            Assert.All(requests, r => Assert.True(r.SignatureValid));

            // One key per segment on every target, and it is the key the first router gave the firing.
            foreach (var segment in requests.Select(r => r.Body.Segment.FirstSequence).Concat(messages.Select(m => m.Body.Segment.FirstSequence)).Distinct())
            {
                Assert.Equal([AlertKeys.FiringId(rule, camera, segment)], requests.Where(r => r.Body.Segment.FirstSequence == segment).Select(r => r.Body.Key).Distinct());
                Assert.Equal([AlertKeys.FiringId(rule, camera, segment)], messages.Where(m => m.Body.Segment.FirstSequence == segment).Select(m => m.Body.Key).Distinct());
            }

            // The firing was not started again: a phase that arrives twice (re-sent from the outbox by the new
            // router) is the same bytes under the same key; updates keep counting from where they were.
            foreach (var phase in requests.GroupBy(r => (r.Body.Key, r.Body.Step)).Where(g => g.Count() > 1))
            {
                Assert.Single(phase.Select(r => Convert.ToBase64String(r.Raw)).Distinct());
            }

            var steps = requests.Where(r => r.Body.Key == key).Select(r => r.Body.Step).Distinct().ToArray();
            Assert.Equal("start", steps[0]);
            Assert.Single(steps, s => s == "start");
            var updates = steps.Where(s => s.StartsWith("update-", StringComparison.Ordinal)).Select(s => int.Parse(s["update-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(Enumerable.Range(1, updates.Length), updates);
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("ACTIONNET_KEEP_TEST_CLUSTERS") != "1")
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    // Where the alert router of the camera's partition of the live-event plane is active.
    private static async Task<SiloAddress> RouterSiloAsync(TestCluster cluster, string camera)
    {
        var key = LiveEvents.StreamFor(camera).GetKeyAsString();
        var router = await DrillWait.UntilAsync(
            $"the activation of alert router {key}",
            TestCluster.Patience,
            async () => (await cluster.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics())
                .FirstOrDefault(s => s.GrainType.Contains(".AlertRouterGrain", StringComparison.Ordinal) && s.GrainId.Key.ToString() == key),
            s => s is not null,
            cluster.Diagnostics);
        return router!.SiloAddress;
    }
}
