using ActionNet.Abstractions.Hosting;
using ActionNet.Grains.Cameras;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ActionNet.Grains.Hosting;

/// <summary>Registers <see cref="CameraCredentials"/> and the Data Protection key ring it seals with.</summary>
public static class CameraCredentialsServiceCollectionExtensions
{
    /// <summary>The Data Protection application name: silos share keys only under the same name.</summary>
    public const string ApplicationName = "ActionNet";

    /// <summary>
    /// Adds Data Protection with its key ring in <see cref="CredentialsOptions.KeyRingDirectory"/> when set,
    /// else in the blob <see cref="CredentialsOptions.KeyRingContainer"/>/<see cref="CredentialsOptions.KeyRingBlob"/>
    /// of <c>ConnectionStrings:Storage</c>, and <see cref="CameraCredentials"/>.
    /// </summary>
    public static IServiceCollection AddCameraCredentials(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CredentialsOptions>().BindConfiguration(CredentialsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CredentialsOptions>>(new OptionsRules<CredentialsOptions>(o => o.Validate()));
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<CredentialsOptions>, IConfiguration>((keys, credentials, configuration) =>
        {
            var settings = credentials.Value;
            if (!string.IsNullOrWhiteSpace(settings.KeyRingDirectory))
            {
                keys.XmlRepository = new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(
                    Directory.CreateDirectory(settings.KeyRingDirectory), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
                return;
            }

            var connection = configuration[GrainsServiceCollectionExtensions.StorageConnectionKey]
                ?? throw new InvalidOperationException($"{GrainsServiceCollectionExtensions.StorageConnectionKey} is not set: the camera credentials' key ring lives in the storage account");
            // The same service version the label history pins: the Azurite emulator does not know the newest.
            keys.XmlRepository = new BlobKeyRing(new BlobServiceClient(connection, new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05)).GetBlobContainerClient(settings.KeyRingContainer).GetBlobClient(settings.KeyRingBlob));
        });
        services.AddSingleton<CameraCredentials>();
        return services;
    }

    /// <summary>
    /// Encrypts the key ring at rest with <see cref="CredentialsOptions.KeyRingCertificate"/> when <paramref name="configuration"/>
    /// names one (and reads keys encrypted with it or any of <see cref="CredentialsOptions.KeyRingPreviousCertificates"/>).
    /// A certificate that cannot be read is left to the options' validation, which stops start-up with one line naming it.
    /// </summary>
    public static IServiceCollection ProtectCameraKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(CredentialsOptions.SectionName).Get<CredentialsOptions>() ?? new CredentialsOptions();
        if (settings.LoadCertificates() is { Length: > 0 } certificates)
        {
            services.AddDataProtection().ProtectKeysWithCertificate(certificates[0]).UnprotectKeysWithAnyCertificate(certificates);
        }

        return services;
    }
}
