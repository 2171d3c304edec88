namespace ActionNet.Grains.Cameras;

/// <summary>
/// Where the Data Protection key ring that seals camera credentials lives (<see cref="CameraCredentials"/>);
/// bound from <see cref="SectionName"/>. Every silo of a cluster must use the same key ring.
/// </summary>
public sealed class CredentialsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ActionNet:Credentials";

    /// <summary>
    /// A folder holding the key ring (for example a mounted Kubernetes Secret or volume); empty (default):
    /// the key ring is a blob in the storage account (<see cref="KeyRingContainer"/>/<see cref="KeyRingBlob"/>).
    /// </summary>
    public string KeyRingDirectory { get; set; } = "";

    /// <summary>The blob container of the key ring in <c>ConnectionStrings:Storage</c>. Default <c>dataprotection</c>.</summary>
    public string KeyRingContainer { get; set; } = "dataprotection";

    /// <summary>The key ring's blob name. Default <c>keys.xml</c>.</summary>
    public string KeyRingBlob { get; set; } = "keys.xml";

    /// <summary>Problems, one line each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(KeyRingDirectory) && string.IsNullOrWhiteSpace(KeyRingContainer))
        {
            errors.Add($"{SectionName}:{nameof(KeyRingContainer)} is empty; expected a blob container name (or set {SectionName}:{nameof(KeyRingDirectory)})");
        }

        if (string.IsNullOrWhiteSpace(KeyRingDirectory) && string.IsNullOrWhiteSpace(KeyRingBlob))
        {
            errors.Add($"{SectionName}:{nameof(KeyRingBlob)} is empty; expected a blob name");
        }

        return errors;
    }
}
