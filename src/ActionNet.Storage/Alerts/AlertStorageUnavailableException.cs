namespace ActionNet.Storage.Alerts;

/// <summary>The storage account holding alert rules and deliveries could not be reached or refused the request; nothing was written.</summary>
public sealed class AlertStorageUnavailableException : Exception
{
    /// <summary>Creates the exception; the message is one line naming the account and the reason.</summary>
    public AlertStorageUnavailableException(Uri endpoint, string reason, Exception? innerException = null)
        : base($"alert storage at {endpoint} is unavailable: {reason}", innerException)
    {
    }
}
