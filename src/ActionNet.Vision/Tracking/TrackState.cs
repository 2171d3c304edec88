namespace ActionNet.Vision.Tracking;

/// <summary>Where a track is in its life.</summary>
public enum TrackState
{
    /// <summary>Started by a detection but not yet matched <see cref="TrackerOptions.MinHits"/> times; one missed detection frame ends it.</summary>
    Tentative,

    /// <summary>A person: matched at its last detection frame (and predicted on the frames between detections).</summary>
    Confirmed,

    /// <summary>A confirmed person missed at its last detection frame: predicted on, ended after <see cref="TrackerOptions.MaxAge"/> frames unseen.</summary>
    Lost,
}
