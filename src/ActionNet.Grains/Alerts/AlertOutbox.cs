using ActionNet.Abstractions.Alerts;
using ActionNet.Grains.Telemetry;
using ActionNet.Storage.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionNet.Grains.Alerts;

/// <summary>
/// Sends recorded deliveries, off the grain's scheduler. The phases of one firing to one target go in order
/// (start, updates, end), each after the previous one was delivered or given up; different firings and
/// targets go in parallel. A failed attempt is retried after <see cref="AlertOptions.RetryDelay"/> until
/// <see cref="AlertOptions.RetrySeconds"/> after the delivery was recorded, then recorded as failed; a refusal
/// (<see cref="AlertSendException.Permanent"/>) is recorded as failed at once. Every attempt's outcome is
/// written back to the delivery's rows, so what is pending when the outbox stops is sent again by the next
/// router. Each attempt is counted in <see cref="ActionNetMetrics.AlertDelivered"/> by outcome: <c>delivered</c>,
/// <c>retried</c> (failed, to be tried again) or <c>failed</c> (given up). Owned by one router activation, which
/// stops it when it deactivates.
/// </summary>
public sealed partial class AlertOutbox
{
    private readonly AlertStore store;
    private readonly Dictionary<AlertTarget, IAlertTransport> transports;
    private readonly AlertOptions settings;
    private readonly TimeProvider time;
    private readonly ActionNetMetrics metrics;
    private readonly ILogger<AlertOutbox> logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly Dictionary<string, Task> chains = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>An outbox writing to <paramref name="store"/> and sending through <paramref name="transports"/> (one per target).</summary>
    public AlertOutbox(AlertStore store, IEnumerable<IAlertTransport> transports, IOptions<AlertOptions> options, TimeProvider time, ActionNetMetrics metrics, ILogger<AlertOutbox> logger)
    {
        ArgumentNullException.ThrowIfNull(transports);
        ArgumentNullException.ThrowIfNull(options);
        this.store = store;
        this.transports = transports.ToDictionary(t => t.Target);
        settings = options.Value;
        this.time = time;
        this.metrics = metrics;
        this.logger = logger;
    }

    /// <summary>Queues a recorded (pending) delivery behind the earlier phases of its firing to the same target.</summary>
    public void Enqueue(AlertOutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var key = $"{entry.Delivery.FiringId}|{entry.Delivery.Target}";
        lock (gate)
        {
            var previous = chains.GetValueOrDefault(key) ?? Task.CompletedTask;

            // Task.Run: the sends and waits must not run on (or hold up) the calling grain's scheduler.
            var next = Task.Run(() => FollowAsync(previous, entry));
            chains[key] = next;
            _ = next.ContinueWith(
                done =>
                {
                    lock (gate)
                    {
                        if (chains.TryGetValue(key, out var last) && ReferenceEquals(last, done))
                        {
                            chains.Remove(key);
                        }
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    /// <summary>Stops sending (the owning router is deactivating); what is not delivered stays pending in storage.</summary>
    public async Task StopAsync()
    {
        await stopping.CancelAsync();
        Task[] running;
        lock (gate)
        {
            running = [.. chains.Values];
        }

        await Task.WhenAll(running);
    }

    private async Task FollowAsync(Task previous, AlertOutboxEntry entry)
    {
        // WhenAny: the previous phase's outcome is recorded in storage, whichever it was.
        await Task.WhenAny(previous);
        try
        {
            await DeliverAsync(entry, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped: the delivery stays pending for the next router.
        }
    }

    private async Task DeliverAsync(AlertOutboxEntry entry, CancellationToken cancellationToken)
    {
        var delivery = entry.Delivery;
        var deadline = delivery.CreatedAt + TimeSpan.FromSeconds(settings.RetrySeconds);
        while (true)
        {
            delivery = delivery with { Attempts = delivery.Attempts + 1 };
            try
            {
                await transports[delivery.Target].SendAsync(entry with { Delivery = delivery }, cancellationToken);
                delivery = delivery with { Outcome = AlertOutcome.Delivered, CompletedAt = time.GetUtcNow() };
                await SaveAsync(entry with { Delivery = delivery }, cancellationToken);
                metrics.AlertDelivered("delivered");
                LogDelivered(delivery.Id, delivery.Attempts);
                return;
            }
            catch (AlertSendException e)
            {
                var now = time.GetUtcNow();
                delivery = delivery with { LastError = e.Message };
                if (e.Permanent || now >= deadline)
                {
                    delivery = delivery with { Outcome = AlertOutcome.Failed, CompletedAt = now };
                    await SaveAsync(entry with { Delivery = delivery }, cancellationToken);
                    metrics.AlertDelivered("failed");
                    LogFailed(delivery.Id, delivery.Attempts, e.Message);
                    return;
                }

                metrics.AlertDelivered("retried");
                if (delivery.Attempts == 1)
                {
                    LogRetrying(delivery.Id, e.Message);
                }

                await SaveAsync(entry with { Delivery = delivery }, cancellationToken);
                var wait = settings.RetryDelay(delivery.Attempts);
                await Task.Delay(wait < deadline - now ? wait : deadline - now, time, cancellationToken);
            }
        }
    }

    // A lost write only costs a re-send with the same key by the next router, so it is tried a few times, then logged.
    private async Task SaveAsync(AlertOutboxEntry entry, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.UpdateDeliveryAsync(entry, cancellationToken);
                return;
            }
            catch (AlertStorageUnavailableException e) when (attempt < 3)
            {
                LogSaveRetry(entry.Delivery.Id, e.Message);
                await Task.Delay(settings.RetryDelay(attempt), time, cancellationToken);
            }
            catch (AlertStorageUnavailableException e)
            {
                LogSaveFailed(entry.Delivery.Id, e.Message);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "alert delivery {Delivery} delivered after {Attempts} attempt(s)")]
    private partial void LogDelivered(string delivery, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "alert delivery {Delivery} failed, retrying with back-off: {Error}")]
    private partial void LogRetrying(string delivery, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "alert delivery {Delivery} recorded as failed after {Attempts} attempt(s): {Error}")]
    private partial void LogFailed(string delivery, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "alert delivery {Delivery}: outcome not written yet, trying again: {Error}")]
    private partial void LogSaveRetry(string delivery, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "alert delivery {Delivery}: outcome not written; it stays pending and the next router sends it again with the same key: {Error}")]
    private partial void LogSaveFailed(string delivery, string error);
}
