namespace ActionNet.Vision.Clips;

/// <summary>Why a confirmed person's frame was not added to its tube.</summary>
public enum TubeDropReason
{
    /// <summary>More people than <see cref="TubeOptions.MaxTracks"/> were in the frame and this one's box was among the smaller.</summary>
    OverTrackCap,

    /// <summary>The person's crop had no pixels inside the frame (a predicted box that drifted out).</summary>
    OutsideFrame,
}
