using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ActionNet.Grains.Telemetry;

/// <summary>
/// Times each write request (PUT, POST, MERGE, PATCH, DELETE) the silo's <see cref="Storage.LabelStore"/> sends,
/// retries timed one by one, into <see cref="ActionNetMetrics.StorageWritten"/>.
/// </summary>
public sealed class StorageWriteTimer(ActionNetMetrics metrics) : HttpPipelinePolicy
{
    /// <inheritdoc/>
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var started = Stopwatch.GetTimestamp();
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            Record(message, started);
        }
    }

    /// <inheritdoc/>
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            Record(message, started);
        }
    }

    private void Record(HttpMessage message, long started)
    {
        if (message.Request.Method != RequestMethod.Get && message.Request.Method != RequestMethod.Head)
        {
            metrics.StorageWritten(Stopwatch.GetElapsedTime(started));
        }
    }
}
