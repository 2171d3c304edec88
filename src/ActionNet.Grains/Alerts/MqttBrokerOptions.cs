namespace ActionNet.Grains.Alerts;

/// <summary>The MQTT broker alert firings are published to (<c>ActionNet:Alerts:Mqtt</c>).</summary>
public sealed class MqttBrokerOptions
{
    /// <summary>Broker host name or address; empty: no broker (rules cannot ask for MQTT).</summary>
    public string Host { get; set; } = "";

    /// <summary>Broker TCP port.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>User name; empty: connect anonymously.</summary>
    public string Username { get; set; } = "";

    /// <summary>Password for <see cref="Username"/>; never logged or reported.</summary>
    public string Password { get; set; } = "";

    /// <summary>Whether a broker is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
