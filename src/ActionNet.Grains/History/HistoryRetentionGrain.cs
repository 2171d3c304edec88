using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Grains.Alerts;
using ActionNet.Storage;
using ActionNet.Storage.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionNet.Grains.History;

/// <summary>
/// The retention sweeper (key: <see cref="IHistoryRetentionGrain.Key"/>): an hourly reminder sweeps every
/// camera in the history catalogue with <see cref="HistoryRetention"/>, keeping the camera registration's
/// <see cref="CameraRegistration.RetentionDays"/> or, without one, <see cref="HistoryStorageOptions.RetentionDays"/>;
/// then the alert deliveries settled before <see cref="AlertOptions.DeliveryRetentionDays"/>.
/// </summary>
public sealed partial class HistoryRetentionGrain(
    LabelStore store,
    AlertStore alerts,
    IOptions<HistoryStorageOptions> options,
    IOptions<AlertOptions> alertOptions,
    TimeProvider clock,
    ILogger<HistoryRetentionGrain> logger) : Grain, IHistoryRetentionGrain, IRemindable
{
    private const string ReminderName = "history-retention";

    /// <inheritdoc/>
    public async Task StartAsync() =>
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

    /// <inheritdoc/>
    public async Task ReceiveReminder(string reminderName, TickStatus status) => await SweepNowAsync();

    /// <inheritdoc/>
    public async Task<long> SweepNowAsync()
    {
        var removed = 0L;
        var retention = new HistoryRetention(store);
        foreach (var (camera, _) in await store.ListCamerasAsync())
        {
            var registration = await GrainFactory.GetGrain<ICameraGrain>(camera).GetRegistrationAsync();
            // A registration stored before retention was bounded may hold any number: past the bound it keeps everything.
            var days = registration?.RetentionDays ?? options.Value.RetentionDays;
            if (days is <= 0 or > CameraInputRules.MaxRetentionDays)
            {
                continue;
            }

            var sweep = await retention.SweepAsync(camera, clock.GetUtcNow().AddDays(-days));
            removed += sweep.RowsDeleted + sweep.BlobsDeleted;
            if (sweep.RowsDeleted + sweep.BlobsDeleted > 0)
            {
                LogSwept(camera, days, sweep.Cutoff, sweep.RowsDeleted, sweep.BlobsDeleted);
            }
        }

        if (alertOptions.Value.DeliveryRetentionDays is > 0 and var deliveryDays)
        {
            var cutoff = clock.GetUtcNow().AddDays(-deliveryDays);
            var deliveries = await alerts.SweepDeliveriesAsync(cutoff);
            removed += deliveries;
            if (deliveries > 0)
            {
                LogDeliveriesSwept(deliveryDays, cutoff, deliveries);
            }
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "camera {Camera}: retention {Days} d removed history before {Cutoff:O}: {Rows} index rows, {Blobs} event blobs")]
    private partial void LogSwept(string camera, int days, DateTimeOffset cutoff, int rows, int blobs);

    [LoggerMessage(Level = LogLevel.Information, Message = "alert deliveries: retention {Days} d removed {Deliveries} settled deliveries created before {Cutoff:O}")]
    private partial void LogDeliveriesSwept(int days, DateTimeOffset cutoff, int deliveries);
}
