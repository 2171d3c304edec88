using Azure.Core;
using Azure.Core.Pipeline;

namespace ActionNet.Storage;

/// <summary>
/// Counts the requests a <see cref="LabelStore"/> sends (blob and table alike, retries included) and the
/// response bytes it reads: what a query or a flush costs in storage calls. Thread-safe.
/// </summary>
public sealed class StorageCallCounter : HttpPipelinePolicy
{
    private long calls;
    private long writes;
    private long bytesRead;

    /// <summary>Requests sent.</summary>
    public long Calls => Interlocked.Read(ref calls);

    /// <summary>Requests that change something (PUT, POST, MERGE, PATCH, DELETE).</summary>
    public long Writes => Interlocked.Read(ref writes);

    /// <summary>Response body bytes received.</summary>
    public long BytesRead => Interlocked.Read(ref bytesRead);

    /// <inheritdoc/>
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
        Measure(message);
    }

    /// <inheritdoc/>
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        await ProcessNextAsync(message, pipeline);
        Measure(message);
    }

    private void Count(HttpMessage message)
    {
        Interlocked.Increment(ref calls);
        if (message.Request.Method != RequestMethod.Get && message.Request.Method != RequestMethod.Head)
        {
            Interlocked.Increment(ref writes);
        }
    }

    private void Measure(HttpMessage message)
    {
        // Bodies are buffered by the time the response comes back through this policy; fall back to the header.
        if (message.HasResponse)
        {
            var length = message.Response.ContentStream is { CanSeek: true } body ? body.Length : message.Response.Headers.ContentLength ?? 0;
            Interlocked.Add(ref bytesRead, length);
        }
    }
}
