using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

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

    /// <summary>
    /// A PKCS#12 (.pfx) certificate with its private key that encrypts the key ring at rest (a mounted Kubernetes Secret, or a
    /// certificate from Azure Key Vault mounted by its CSI driver); empty (default): the key ring is stored unencrypted, and
    /// Data Protection says so once at start.
    /// </summary>
    public string KeyRingCertificate { get; set; } = "";

    /// <summary>The password of <see cref="KeyRingCertificate"/> (and of <see cref="KeyRingPreviousCertificates"/>); empty for none.</summary>
    public string KeyRingCertificatePassword { get; set; } = "";

    /// <summary>Certificates that encrypted the key ring before <see cref="KeyRingCertificate"/> replaced them: still read, never written with.</summary>
    public string[] KeyRingPreviousCertificates { get; set; } = [];

    /// <summary>
    /// The certificates to encrypt with (the first) and to decrypt with (all); empty without <see cref="KeyRingCertificate"/>,
    /// null when one cannot be read (<see cref="Validate"/> says why).
    /// </summary>
    public X509Certificate2[]? LoadCertificates()
    {
        if (string.IsNullOrWhiteSpace(KeyRingCertificate))
        {
            return [];
        }

        var loaded = new List<X509Certificate2>();
        foreach (var path in KeyRingPreviousCertificates.Prepend(KeyRingCertificate))
        {
            if (CertificateProblem(path, out var certificate) is not null)
            {
                return null;
            }

            loaded.Add(certificate!);
        }

        return [.. loaded];
    }

    /// <summary>Problems, one line each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(KeyRingCertificate))
        {
            foreach (var (path, key) in KeyRingPreviousCertificates.Select((p, i) => (p, $"{nameof(KeyRingPreviousCertificates)}:{i}")).Prepend((KeyRingCertificate, nameof(KeyRingCertificate))))
            {
                if (CertificateProblem(path, out _) is { } problem)
                {
                    errors.Add($"{SectionName}:{key} '{path}' {problem}");
                }
            }
        }
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

    private string? CertificateProblem(string path, out X509Certificate2? certificate)
    {
        certificate = null;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, KeyRingCertificatePassword.Length == 0 ? null : KeyRingCertificatePassword);
            return certificate.HasPrivateKey ? null : "has no private key: expected a .pfx holding the certificate and its key";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return $"cannot be read: {e.Message.ReplaceLineEndings(" ")}";
        }
    }
}
