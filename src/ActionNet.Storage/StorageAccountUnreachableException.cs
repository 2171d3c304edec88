namespace ActionNet.Storage;

/// <summary>A storage account configured under <see cref="SettingKey"/> did not answer at start-up.</summary>
public sealed class StorageAccountUnreachableException : Exception
{
    /// <summary>Creates the exception; the message is one line naming the setting and the endpoint.</summary>
    public StorageAccountUnreachableException(string settingKey, string endpoint, string reason, Exception? innerException = null, bool misconfigured = false)
        : base($"storage account from setting '{settingKey}' at {endpoint} is unreachable: {reason}", innerException)
    {
        SettingKey = settingKey;
        Endpoint = endpoint;
        Misconfigured = misconfigured;
    }

    /// <summary>The configuration key holding the connection string.</summary>
    public string SettingKey { get; }

    /// <summary>
    /// Whether the setting itself is wrong (missing, not a connection string, or credentials the account refuses) rather
    /// than the account being away: a person must fix it, and trying again will not help.
    /// </summary>
    public bool Misconfigured { get; }

    /// <summary>The account endpoint tried, or "(none)" when the setting is missing or malformed.</summary>
    public string Endpoint { get; }
}
