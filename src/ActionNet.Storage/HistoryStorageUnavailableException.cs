namespace ActionNet.Storage;

/// <summary>
/// The label history's storage account could not be reached or refused the request. Nothing was
/// lost: a write that throws this has not been acknowledged and can be buffered and retried.
/// </summary>
public sealed class HistoryStorageUnavailableException : Exception
{
    /// <summary>Creates the exception for <paramref name="endpoint"/>; the message is one line.</summary>
    public HistoryStorageUnavailableException(Uri endpoint, string reason, Exception? innerException = null)
        : base($"label history storage at {endpoint} is unavailable: {reason}", innerException)
    {
        Endpoint = endpoint;
    }

    /// <summary>The storage account endpoint, e.g. http://127.0.0.1:10000/devstoreaccount1.</summary>
    public Uri Endpoint { get; }
}
