using Orleans.Placement;

namespace ActionNet.Grains.Placement;

/// <summary>
/// Places a grain keyed by <see cref="InferenceGrainKey"/> only on silos whose accelerator is allowed by
/// its key. Orleans' own RequiredMatch filter cannot do this: it keeps silos whose metadata equals the
/// placing silo's, it does not pin to a value.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class AcceleratorPlacementFilterAttribute() : PlacementFilterAttribute(new AcceleratorPlacementFilterStrategy());
