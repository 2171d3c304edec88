using System.Text;
using ActionNet.Abstractions.Alerts;
using ActionNet.Storage.Alerts;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace ActionNet.Grains.Alerts;

/// <summary>
/// Publishes a delivery's JSON body with QoS 1 to <c>actionnet/events</c> and to
/// <c>actionnet/&lt;camera&gt;/&lt;label&gt;</c> on the configured broker, over one connection per silo (made on
/// first use and again after a failure). Delivered when the broker acknowledged both (PUBACK). Errors name
/// the broker by host and port only; the password is never repeated.
/// </summary>
public sealed class MqttTransport(IOptions<AlertOptions> options) : IAlertTransport, IAsyncDisposable
{
    /// <summary>The topic every firing phase is published to.</summary>
    public const string EventsTopic = "actionnet/events";

    private readonly AlertOptions settings = options.Value;
    private readonly SemaphoreSlim gate = new(1, 1);
    // 22 characters: every broker accepts client ids up to 23, and each silo's must differ from every other's.
    private readonly string clientId = $"actionnet-{Guid.NewGuid():N}"[..22];
    private IMqttClient? client;

    /// <inheritdoc/>
    public AlertTarget Target => AlertTarget.Mqtt;

    private string Broker => $"MQTT broker {settings.Mqtt.Host}:{settings.Mqtt.Port}";

    /// <summary>The topic of one camera and label: <c>actionnet/&lt;camera&gt;/&lt;label&gt;</c>, with '/', '+', '#' and spaces in the label as '_'.</summary>
    public static string CameraTopic(string cameraId, string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var level = new StringBuilder(label.Length);
        foreach (var c in label)
        {
            level.Append(c is '/' or '+' or '#' || char.IsWhiteSpace(c) || char.IsControl(c) ? '_' : c);
        }

        return $"actionnet/{cameraId}/{level}";
    }

    /// <inheritdoc/>
    public async Task SendAsync(AlertOutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!settings.Mqtt.IsConfigured)
        {
            throw new AlertSendException($"{AlertOptions.SectionName}:{nameof(AlertOptions.Mqtt)}:{nameof(MqttBrokerOptions.Host)} is not set", permanent: true);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.RequestTimeoutSeconds));
        await gate.WaitAsync(timeout.Token);
        try
        {
            var connected = await ConnectedAsync(timeout.Token);
            var body = Encoding.UTF8.GetBytes(entry.Body);
            foreach (var topic in new[] { EventsTopic, CameraTopic(entry.Delivery.CameraId, entry.Delivery.Label) })
            {
                var message = new MqttApplicationMessageBuilder()
                    .WithTopic(topic)
                    .WithPayload(body)
                    .WithContentType("application/json")
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build();
                var result = await connected.PublishAsync(message, timeout.Token);
                if (result.ReasonCode is not (MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers))
                {
                    throw new AlertSendException($"{Broker} refused {topic}: {result.ReasonCode}", permanent: false);
                }
            }
        }
        catch (Exception e) when (e is MqttCommunicationException or MqttProtocolViolationException or System.Net.Sockets.SocketException)
        {
            await DropAsync();
            throw new AlertSendException($"{Broker}: {e.Message.ReplaceLineEndings(" ")}", permanent: false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await DropAsync();
            throw new AlertSendException($"{Broker} did not acknowledge within {settings.RequestTimeoutSeconds} s", permanent: false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await DropAsync();
        gate.Dispose();
    }

    private async Task<IMqttClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (client is { IsConnected: true } ready)
        {
            return ready;
        }

        await DropAsync();
        var fresh = new MqttClientFactory().CreateMqttClient();
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.Mqtt.Host, settings.Mqtt.Port)
            .WithClientId(clientId)
            .WithCleanSession(true)
            .WithTimeout(TimeSpan.FromSeconds(settings.RequestTimeoutSeconds));
        if (!string.IsNullOrEmpty(settings.Mqtt.Username))
        {
            builder = builder.WithCredentials(settings.Mqtt.Username, settings.Mqtt.Password);
        }

        try
        {
            await fresh.ConnectAsync(builder.Build(), cancellationToken);
        }
        catch
        {
            fresh.Dispose();
            throw;
        }

        client = fresh;
        return fresh;
    }

    private async Task DropAsync()
    {
        if (client is not { } old)
        {
            return;
        }

        client = null;
        try
        {
            if (old.IsConnected)
            {
                await old.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
            }
        }
        catch (MqttCommunicationException)
        {
            // The connection is being replaced because it failed; a failed goodbye changes nothing.
        }
        finally
        {
            old.Dispose();
        }
    }
}
