namespace ActionNet.Grains.Placement;

/// <summary>The placement strategy of camera grains (see <see cref="CameraPlacementDirector"/>).</summary>
[GenerateSerializer, Immutable, Alias("actionnet.camera-placement")]
public sealed class CameraPlacementStrategy : PlacementStrategy
{
    /// <summary>The one instance.</summary>
    public static CameraPlacementStrategy Instance { get; } = new();
}
