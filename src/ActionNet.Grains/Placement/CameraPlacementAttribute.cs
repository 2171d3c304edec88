using Orleans.Placement;

namespace ActionNet.Grains.Placement;

/// <summary>Places camera grains with <see cref="CameraPlacementDirector"/>: on an allowed silo with the most spare capacity.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class CameraPlacementAttribute() : PlacementAttribute(CameraPlacementStrategy.Instance);
