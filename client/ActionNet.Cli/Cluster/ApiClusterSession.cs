using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ActionNet.Abstractions.Alerts;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.Cluster;
using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Live;

namespace ActionNet.Cli.Cluster;

/// <summary>The cluster through its REST API (<c>/api/v1</c>), with an API key: how operators outside the cluster reach it.</summary>
public sealed class ApiClusterSession(ApiClient api) : IClusterSession
{
    /// <inheritdoc/>
    public async Task RegisterCameraAsync(string id, CameraRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var body = new
        {
            source = registration.Source,
            profile = registration.ModelProfile,
            loop = registration.Loop,
            stride = registration.Stride,
            subsample = registration.Subsample,
            fps = registration.FpsCap,
            roi = registration.Region is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r.X},{r.Y},{r.Width},{r.Height}") : null,
            enabled = registration.Enabled,
            retentionDays = registration.RetentionDays,
            persons = registration.Persons,
            detector = registration.Detector,
        };
        await api.SendAsync<CameraView>(HttpMethod.Put, Camera(id), body, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<CameraStatus[]> CameraStatusesAsync(CancellationToken cancellationToken) =>
        [.. (await api.GetAsync<CameraView[]>("api/v1/cameras", cancellationToken)).Select(v => v.Status)];

    /// <inheritdoc/>
    public async Task<CameraStatus?> CameraStatusAsync(string id, CancellationToken cancellationToken) =>
        (await api.SendAsync<CameraView>(HttpMethod.Get, Camera(id), null, cancellationToken))?.Status;

    /// <inheritdoc/>
    public async Task<bool> RemoveCameraAsync(string id, CancellationToken cancellationToken) =>
        await api.DeleteAsync(Camera(id), cancellationToken);

    /// <inheritdoc/>
    public Task<HistoryPage<ActionEvent>> EventsAsync(HistoryQuery query, CancellationToken cancellationToken) =>
        api.GetAsync<HistoryPage<ActionEvent>>("api/v1/history" + Query(query), cancellationToken);

    /// <inheritdoc/>
    public Task<HistoryPage<LabelSegment>> SegmentsAsync(HistoryQuery query, CancellationToken cancellationToken) =>
        api.GetAsync<HistoryPage<LabelSegment>>("api/v1/history/segments" + Query(query), cancellationToken);

    /// <inheritdoc/>
    public Task<HistoryPage<LabelTotal>> SummaryAsync(HistoryQuery query, CancellationToken cancellationToken) =>
        api.GetAsync<HistoryPage<LabelTotal>>("api/v1/history/summary" + Query(query), cancellationToken);

    /// <inheritdoc/>
    public Task<HistoryPage<HistoryGap>> GapsAsync(HistoryQuery query, CancellationToken cancellationToken) =>
        api.GetAsync<HistoryPage<HistoryGap>>("api/v1/history/gaps" + Query(query), cancellationToken);

    /// <inheritdoc/>
    public async IAsyncEnumerable<ActionEvent> LabelsAsync(IReadOnlyCollection<string> cameras, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cameras);
        var path = "api/v1/events/live" + QueryString(cameras.Select(c => ("camera", c)));
        await foreach (var (name, data) in api.EventsAsync(path, cancellationToken))
        {
            if (name == "label" && JsonSerializer.Deserialize<LiveEvent>(data, ApiClient.Json) is { Event: { } e })
            {
                yield return e;
            }
        }
    }

    /// <inheritdoc/>
    public async Task<AlertRule> PutRuleAsync(AlertRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return await api.SendAsync<AlertRule>(HttpMethod.Put, $"api/v1/alerts/rules/{Uri.EscapeDataString(rule.Id)}", rule, cancellationToken)
            ?? throw new InvalidOperationException("the API answered a rule's PUT with 404");
    }

    /// <inheritdoc/>
    public Task<AlertRule[]> RulesAsync(CancellationToken cancellationToken) => api.GetAsync<AlertRule[]>("api/v1/alerts/rules", cancellationToken);

    /// <inheritdoc/>
    public async Task<bool> RemoveRuleAsync(string id, CancellationToken cancellationToken) =>
        await api.DeleteAsync($"api/v1/alerts/rules/{Uri.EscapeDataString(id)}", cancellationToken);

    /// <inheritdoc/>
    public Task<HistoryPage<AlertDelivery>> DeliveriesAsync(int limit, string? after, CancellationToken cancellationToken) =>
        api.GetAsync<HistoryPage<AlertDelivery>>(
            "api/v1/alerts/deliveries" + QueryString([("limit", limit.ToString(CultureInfo.InvariantCulture)), .. after is null ? [] : new[] { ("after", after) }]),
            cancellationToken);

    /// <inheritdoc/>
    public async Task<ClusterStatus> ClusterStatusAsync(CancellationToken cancellationToken) =>
        // The storage probe is the API host's own: without it the answer is the ledger's, as through the gateways.
        (await api.GetAsync<ClusterStatus>("api/v1/cluster", cancellationToken)) with { Storage = null };

    /// <inheritdoc/>
    public async Task<SiloDrain> DrainAsync(string silo, CancellationToken cancellationToken) =>
        await api.SendAsync<SiloDrain>(HttpMethod.Post, $"{Silo(silo)}/drain", null, cancellationToken)
            ?? throw new InvalidOperationException("the API answered a drain with 404");

    /// <inheritdoc/>
    public Task<DrainProgress> DrainProgressAsync(SiloDrain drain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drain);
        return api.GetAsync<DrainProgress>($"{Silo(drain.Silo)}/drain" + QueryString([("host", drain.Host), .. drain.Cameras.Select(c => ("camera", c))]), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<string> UndrainAsync(string silo, CancellationToken cancellationToken) =>
        (await api.SendAsync<SiloUndrain>(HttpMethod.Post, $"{Silo(silo)}/undrain", null, cancellationToken))?.Silo
            ?? throw new InvalidOperationException("the API answered an undrain with 404");

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        api.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Camera(string id) => $"api/v1/cameras/{Uri.EscapeDataString(id)}";

    private static string Silo(string silo) => $"api/v1/cluster/silos/{Uri.EscapeDataString(silo)}";

    // Times go as ISO 8601 instants the CLI already resolved, so "--from 1h" means the same on both sides.
    private static string Query(HistoryQuery query) => QueryString(
    [
        .. query.Cameras.Select(c => ("camera", c)),
        .. query.From is { } from ? new[] { ("from", from.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)) } : [],
        .. query.To is { } to ? new[] { ("to", to.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)) } : [],
        .. query.Label is { } label ? new[] { ("label", label) } : [],
        .. query.Track is { } track ? new[] { ("track", track) } : [],
        .. query.MinConfidence > 0 ? new[] { ("minConfidence", query.MinConfidence.ToString("R", CultureInfo.InvariantCulture)) } : [],
        ("limit", query.Limit.ToString(CultureInfo.InvariantCulture)),
        .. query.After is { } after ? new[] { ("after", after) } : [],
    ]);

    private static string QueryString(IEnumerable<(string Name, string Value)> parameters)
    {
        var text = string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
        return text.Length == 0 ? "" : "?" + text;
    }

    private sealed record CameraView(CameraStatus Status);

    private sealed record SiloUndrain(string Silo);
}
