namespace ActionNet.Storage.Keys;

/// <summary>What an API caller may do; each role includes the ones before it.</summary>
public enum ApiRole
{
    /// <summary>Reads history, status, snapshots, alert rules and deliveries.</summary>
    Viewer,

    /// <summary>Also manages cameras and alert rules.</summary>
    Operator,

    /// <summary>Also manages API keys.</summary>
    Admin,
}
