namespace ActionNet.Abstractions.Alerts;

/// <summary>Where a firing phase is delivered.</summary>
public enum AlertTarget
{
    /// <summary>POSTed to the rule's webhook URL, signed with the cluster's webhook secret.</summary>
    Webhook,

    /// <summary>Published with QoS 1 to the cluster's MQTT broker.</summary>
    Mqtt,
}
