using Orleans.Placement;

namespace ActionNet.Grains.Placement;

/// <summary>
/// The placement filter of <see cref="AcceleratorPlacementFilterAttribute"/>: keep only silos whose
/// <see cref="AcceleratorMetadata.Key"/> metadata is allowed by the grain's <see cref="InferenceGrainKey"/>.
/// </summary>
public sealed class AcceleratorPlacementFilterStrategy(int order) : PlacementFilterStrategy(order)
{
    /// <summary>The filter, first in order.</summary>
    public AcceleratorPlacementFilterStrategy()
        : this(0)
    {
    }
}
