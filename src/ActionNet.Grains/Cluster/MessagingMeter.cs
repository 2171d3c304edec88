using System.Diagnostics.Metrics;

namespace ActionNet.Grains.Cluster;

/// <summary>
/// Sums the bytes this silo sends over the network, read from Orleans' own
/// <c>orleans-messaging-sent-messages-size</c> instrument (meter <c>Microsoft.Orleans</c>), so the report can
/// show bytes sent per window scored: the proof that no pixels cross silos.
/// </summary>
public sealed class MessagingMeter : IDisposable
{
    /// <summary>The Orleans meter.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>The instrument that records each sent message's size in bytes.</summary>
    public const string SentMessagesSize = "orleans-messaging-sent-messages-size";

    private readonly MeterListener listener = new();
    private long sentBytes;

    /// <summary>Starts listening.</summary>
    public MessagingMeter()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OrleansMeter && instrument.Name == SentMessagesSize)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => Interlocked.Add(ref sentBytes, value));
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref sentBytes, value));
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => Interlocked.Add(ref sentBytes, (long)value));
        listener.Start();
    }

    /// <summary>Bytes sent since the silo started.</summary>
    public long SentBytes => Interlocked.Read(ref sentBytes);

    /// <inheritdoc/>
    public void Dispose() => listener.Dispose();
}
