using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ActionNet.Grains.Cluster;
using ActionNet.Grains.Telemetry;
using ActionNet.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ActionNet.Grains.Tests;

/// <summary>
/// An <see cref="ActionNetMetrics"/> on a meter factory of its own, and a listener that sees only that meter's
/// measurements (other tests' meters in the same process are ignored).
/// </summary>
public sealed class MetricsProbe : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> measurements = new();

    /// <summary>Creates the meter over <paramref name="activity"/> with a journal folder under <paramref name="folder"/>.</summary>
    public MetricsProbe(SiloActivity activity, string folder)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        Metrics = new ActionNetMetrics(factory, activity, new HistoryJournalDirectory(Path.Combine(folder, "journal"), 1 << 20));
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((i, value, tags, _) => measurements.Enqueue((i.Name, value, tags.ToArray())));
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => measurements.Enqueue((i.Name, value, tags.ToArray())));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => measurements.Enqueue((i.Name, value, tags.ToArray())));
        listener.Start();
    }

    /// <summary>The meter under test.</summary>
    public ActionNetMetrics Metrics { get; }

    /// <summary>
    /// Observes the observable instruments, then returns the latest value of <paramref name="instrument"/> whose
    /// tag <paramref name="tag"/> is <paramref name="value"/> (any tags when none is given); null when none was measured.
    /// </summary>
    public double? Latest(string instrument, string? tag = null, string? value = null)
    {
        listener.RecordObservableInstruments();
        return measurements
            .Where(m => m.Instrument == instrument && (tag is null || m.Tags.Any(t => t.Key == tag && Equals(t.Value, value))))
            .Select(m => (double?)m.Value)
            .LastOrDefault();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        listener.Dispose();
        services.Dispose();
    }
}
