using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ActionNet.Abstractions.Cameras;
using ActionNet.Grains.Cameras;
using ActionNet.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ActionNet.Grains.Tests;

/// <summary>The Data Protection key ring that seals camera credentials, encrypted at rest with a configured certificate.</summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("actionnet-keyring-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void WithACertificateTheKeyRingHoldsNoKeyInPlainTextAndStillOpensWhatItSealed()
    {
        var certificate = Path.Combine(folder, "keyring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=actionnet-keyring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(certificate, created.Export(X509ContentType.Pkcs12, "pfx-password"));
        }

        var (sealedSource, opened) = SealAndOpen(new Dictionary<string, string?>
        {
            ["ActionNet:Credentials:KeyRingCertificate"] = certificate,
            ["ActionNet:Credentials:KeyRingCertificatePassword"] = "pfx-password",
        });

        var ring = string.Concat(Directory.GetFiles(Path.Combine(folder, "ring")).Select(File.ReadAllText));
        Assert.Contains("<EncryptedData", ring, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", ring, StringComparison.Ordinal);
        Assert.NotEqual("rtsp://admin:pw-9@cam/live", sealedSource);
        Assert.Equal("rtsp://admin:pw-9@cam/live", opened);
    }

    [Fact]
    public void WithoutACertificateTheKeyRingIsPlainAsBefore()
    {
        SealAndOpen([]);

        Assert.Contains("<masterKey", string.Concat(Directory.GetFiles(Path.Combine(folder, "ring")).Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    [Fact]
    public void ACertificateThatCannotBeReadFailsStartWithOneLineNamingTheSetting()
    {
        var options = new CredentialsOptions { KeyRingCertificate = Path.Combine(folder, "missing.pfx") };

        var problem = Assert.Single(options.Validate());

        Assert.StartsWith($"ActionNet:Credentials:KeyRingCertificate '{options.KeyRingCertificate}' cannot be read: ", problem, StringComparison.Ordinal);
        Assert.Null(options.LoadCertificates());
    }

    private (string? Sealed, string Opened) SealAndOpen(Dictionary<string, string?> settings)
    {
        settings["ActionNet:Credentials:KeyRingDirectory"] = Path.Combine(folder, "ring");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddCameraCredentials().ProtectCameraKeyRing(configuration);
        using var provider = services.BuildServiceProvider();
        Assert.Empty(provider.GetRequiredService<IOptions<CredentialsOptions>>().Value.Validate());
        var credentials = provider.GetRequiredService<CameraCredentials>();
        var stored = credentials.Seal(new CameraRegistration { Source = "rtsp://admin:pw-9@cam/live", ModelProfile = "rgb" });
        return (stored.SealedSource, credentials.Open(stored).Source);
    }
}
