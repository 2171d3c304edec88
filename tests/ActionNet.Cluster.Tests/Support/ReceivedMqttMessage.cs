using ActionNet.Abstractions.Alerts;
using MQTTnet.Protocol;

namespace ActionNet.Cluster.Tests.Support;

/// <summary>One message an <see cref="MqttRecorder"/> got.</summary>
/// <param name="At">When it arrived.</param>
/// <param name="Topic">Its topic.</param>
/// <param name="QualityOfService">The QoS it was delivered with (the lower of the publisher's and the subscription's).</param>
/// <param name="Body">The parsed payload.</param>
public sealed record ReceivedMqttMessage(DateTimeOffset At, string Topic, MqttQualityOfServiceLevel QualityOfService, AlertNotification Body);
