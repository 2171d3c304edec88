namespace ActionNet.Grains.Cameras;

/// <summary>The stored state of <see cref="CameraRegistryGrain"/>: every registered camera id.</summary>
[GenerateSerializer, Alias("actionnet.camera-registry-state")]
public sealed class CameraRegistryState
{
    /// <summary>Registered camera ids, kept in ordinal order without duplicates.</summary>
    [Id(0)] public List<string> Cameras { get; set; } = [];
}
