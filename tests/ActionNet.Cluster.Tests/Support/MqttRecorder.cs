using System.Buffers;
using System.Collections.Concurrent;
using ActionNet.Abstractions.Alerts;
using MQTTnet;
using MQTTnet.Protocol;

namespace ActionNet.Cluster.Tests.Support;

/// <summary>A real MQTT subscriber (MQTTnet) on <c>actionnet/#</c> with QoS 1, recording every message.</summary>
public sealed class MqttRecorder : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMqttMessage> received = new();
    private readonly IMqttClient client;

    private MqttRecorder(IMqttClient client)
    {
        this.client = client;
        client.ApplicationMessageReceivedAsync += e =>
        {
            var message = e.ApplicationMessage;
            received.Enqueue(new ReceivedMqttMessage(DateTimeOffset.UtcNow, message.Topic, message.QualityOfServiceLevel, AlertNotification.Parse(message.Payload.ToArray())));
            return Task.CompletedTask;
        };
    }

    /// <summary>Messages so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedMqttMessage> Received => [.. received];

    /// <summary>Connects to <paramref name="broker"/> as its user and subscribes.</summary>
    public static async Task<MqttRecorder> ConnectAsync(MosquittoBroker broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var factory = new MqttClientFactory();
        var client = factory.CreateMqttClient();
        var recorder = new MqttRecorder(client);
        await client.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithCredentials(MosquittoBroker.Username, broker.Password).WithClientId($"test-{Guid.NewGuid():N}").Build(),
            CancellationToken.None);
        await client.SubscribeAsync(factory.CreateSubscribeOptionsBuilder().WithTopicFilter("actionnet/#", MqttQualityOfServiceLevel.AtLeastOnce).Build(), CancellationToken.None);
        return recorder;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        client.Dispose();
    }
}
