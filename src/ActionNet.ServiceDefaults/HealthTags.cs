namespace ActionNet.ServiceDefaults;

/// <summary>
/// Tags that put a health check behind an endpoint: <see cref="Live"/> checks answer <c>/healthz</c> (the
/// process works; restart it when not), <see cref="Ready"/> checks answer <c>/readyz</c> (it may take work: a
/// silo has joined its cluster and reaches its storage).
/// </summary>
public static class HealthTags
{
    /// <summary>Liveness: checked by <c>/healthz</c>.</summary>
    public const string Live = "live";

    /// <summary>Readiness: checked by <c>/readyz</c>.</summary>
    public const string Ready = "ready";
}
