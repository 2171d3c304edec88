using System.Security.Cryptography;
using ActionNet.Abstractions.Cameras;
using Microsoft.AspNetCore.DataProtection;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// Keeps camera credentials encrypted at rest: a registration is stored with its source masked
/// (<see cref="SourceUrl.Display"/>) and the full source sealed with ASP.NET Core Data Protection
/// (<see cref="CameraRegistration.SealedSource"/>); only the decoder's copy is opened. Registrations
/// stored in plain text before this existed are sealed on their first load.
/// </summary>
public sealed class CameraCredentials(IDataProtectionProvider provider)
{
    /// <summary>The Data Protection purpose: a key derived for camera sources and nothing else.</summary>
    public const string Purpose = "ActionNet.Cameras.Source.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    /// <summary>
    /// The form of <paramref name="registration"/> to store: credentials sealed and masked in the source. A
    /// registration sent back with its masked source and sealed credentials unchanged keeps them; any other
    /// sealed value is dropped, so a client cannot borrow another camera's credentials.
    /// </summary>
    public CameraRegistration Seal(CameraRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var url = new SourceUrl(registration.Source);
        if (url.HasCredentials)
        {
            return registration with { Source = url.Display, SealedSource = _protector.Protect(registration.Source) };
        }

        return registration.SealedSource is { } sealedSource && TryUnprotect(sealedSource) is { } full && SourceUrl.Redact(full) == registration.Source
            ? registration
            : registration with { SealedSource = null };
    }

    /// <summary>
    /// The registration with its full source, for the decoder only: never stored, logged or returned.
    /// Throws a one-line <see cref="ArgumentException"/> when the sealed credentials cannot be opened (the key ring was lost).
    /// </summary>
    public CameraRegistration Open(CameraRegistration stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.SealedSource is not { } sealedSource)
        {
            return stored;
        }

        var full = TryUnprotect(sealedSource)
            ?? throw new ArgumentException($"the stored credentials of '{stored.Source}' cannot be decrypted (the data protection key ring was replaced); register the camera again with its credentials");
        return stored with { Source = full, SealedSource = null };
    }

    /// <summary>Seals and writes back a registration stored before credentials were encrypted; does nothing otherwise.</summary>
    public async Task MigrateAsync(IPersistentState<CameraRegistration> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.RecordExists && new SourceUrl(stored.State.Source).HasCredentials)
        {
            stored.State = Seal(stored.State);
            await stored.WriteStateAsync();
        }
    }

    private string? TryUnprotect(string sealedSource)
    {
        try
        {
            return _protector.Unprotect(sealedSource);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
