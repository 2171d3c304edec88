using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionNet.Grains.History;

/// <summary>
/// The retention sweeper (key: <see cref="IHistoryRetentionGrain.Key"/>): an hourly reminder sweeps every
/// camera in the history catalogue with <see cref="HistoryRetention"/>, keeping the camera registration's
/// <see cref="CameraRegistration.RetentionDays"/> or, without one, <see cref="HistoryStorageOptions.RetentionDays"/>.
/// </summary>
public sealed partial class HistoryRetentionGrain(
    LabelStore store,
    IOptions<HistoryStorageOptions> options,
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
            var days = registration?.RetentionDays ?? options.Value.RetentionDays;
            if (days <= 0)
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

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "camera {Camera}: retention {Days} d removed history before {Cutoff:O}: {Rows} index rows, {Blobs} event blobs")]
    private partial void LogSwept(string camera, int days, DateTimeOffset cutoff, int rows, int blobs);
}
