using System.Net.Sockets;
using Azure;

namespace ActionNet.Storage;

/// <summary>Decides which storage errors mean "the account is not usable now" and describes them in one line.</summary>
internal static class StorageFailures
{
    /// <summary>
    /// Whether <paramref name="exception"/> is an outage (network failure, timeout, server error,
    /// throttling or refused credentials) rather than a caller's mistake or cancellation.
    /// </summary>
    public static bool IsOutage(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        RequestFailedException r => r.Status is 0 or 401 or 403 or 408 or 429 or >= 500,
        AggregateException a => a.InnerExceptions.All(e => IsOutage(e, cancellationToken)),
        HttpRequestException or SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    /// <summary>The innermost useful message, on one line.</summary>
    public static string Describe(Exception exception)
    {
        var inner = exception;
        while (inner is AggregateException { InnerExceptions.Count: > 0 } a)
        {
            inner = a.InnerExceptions[^1];
        }

        while (inner.InnerException is { } next && inner is not RequestFailedException { Status: not 0 })
        {
            inner = next;
        }

        var text = inner switch
        {
            RequestFailedException { Status: not 0 } r => $"{r.Status} {r.ErrorCode}",
            OperationCanceledException => "timed out",
            _ => inner.Message,
        };
        var newline = text.IndexOfAny(['\r', '\n']);
        return newline < 0 ? text : text[..newline];
    }
}
