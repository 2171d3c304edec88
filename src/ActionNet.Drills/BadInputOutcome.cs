using ActionNet.Abstractions.Cameras;

namespace ActionNet.Drills;

/// <summary>How one camera with a bad (or merely unusual) input ended up in <see cref="BadInputsDrill"/>.</summary>
/// <param name="Camera">The camera id.</param>
/// <param name="Input">What was wrong with its input, in a few words.</param>
/// <param name="Expected">The status it should end in, in a few words.</param>
/// <param name="State">The state it ended in.</param>
/// <param name="LastError">Its last error (one line, credentials masked), or null.</param>
/// <param name="Source">The source as its status shows it.</param>
/// <param name="Events">Labels stored for it.</param>
/// <param name="Ok">Whether it ended as expected.</param>
/// <param name="Refused">Whether the registration itself was refused (then <paramref name="LastError"/> is the refusal and nothing is registered).</param>
public sealed record BadInputOutcome(string Camera, string Input, string Expected, CameraState State, string? LastError, string Source, int Events, bool Ok, bool Refused);
