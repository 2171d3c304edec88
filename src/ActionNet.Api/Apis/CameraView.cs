using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;

namespace ActionNet.Api.Apis;

/// <summary>A camera as the API shows it: its masked source, profile, whether it is enabled, its status and its newest label.</summary>
/// <param name="Id">The camera id.</param>
/// <param name="Source">The source with credentials masked.</param>
/// <param name="Profile">The model profile.</param>
/// <param name="Enabled">Whether it is meant to be reading.</param>
/// <param name="Status">Its status (state, counters, plan, last error with credentials masked).</param>
/// <param name="Latest">Its newest label, or null before the first.</param>
public sealed record CameraView(string Id, string Source, string Profile, bool Enabled, CameraStatus Status, ActionEvent? Latest);
