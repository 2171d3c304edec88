using ActionNet.Abstractions.History;
using ActionNet.Grains.Hosting;
using ActionNet.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActionNet.Grains.History;

/// <summary>
/// At silo start, wakes the aggregator of every camera whose journal on this disk still holds records
/// (a silo that died before storing them), so they are replayed at once rather than when the camera
/// next records (the aggregator prefers this silo, so it activates here and opens the journal), and
/// makes sure the retention sweeper's reminder is registered.
/// </summary>
public sealed partial class HistoryStartupService(
    IGrainFactory grains,
    HistoryJournalDirectory journals,
    IHostApplicationLifetime lifetime,
    ILogger<HistoryStartupService> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WaitForStartedAsync(stoppingToken))
        {
            return;
        }

        try
        {
            await grains.GetGrain<IHistoryRetentionGrain>(IHistoryRetentionGrain.Key).StartAsync();
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // Never stop the silo over it (an exception here would end the host).
            LogRetentionNotStarted(e.Message);
        }

        foreach (var camera in journals.CamerasWithRecords())
        {
            LogWaking(camera, journals.Path);
            try
            {
                // Activates the aggregator; its flush timer replays the journal even while storage is away.
                await grains.GetGrain<IAggregatorGrain>(camera).GetStatusAsync();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogWakeFailed(camera, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "camera {Camera}: journal in {Path} holds records; waking its aggregator to replay them")]
    private partial void LogWaking(string camera, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "history retention reminder not registered at start (the next silo to start tries again): {Reason}")]
    private partial void LogRetentionNotStarted(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: could not wake its aggregator to replay the journal: {Reason}")]
    private partial void LogWakeFailed(string camera, string reason);
}
