using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;

namespace ActionNet.Api.Apis;

/// <summary>A camera as the API shows it: its masked source, profile, whether it is enabled, its status, its newest label and its tracked people.</summary>
/// <param name="Id">The camera id.</param>
/// <param name="Source">The source with credentials masked.</param>
/// <param name="Profile">The model profile.</param>
/// <param name="Enabled">Whether it is meant to be reading.</param>
/// <param name="Status">Its status (state, counters, plan, last error with credentials masked).</param>
/// <param name="Latest">Its camera-level label: its newest, or in person mode its most confident tracked person's; null before the first.</param>
/// <param name="Tracks">In person mode, the newest label of every tracked person in view, each with their box; empty otherwise.</param>
public sealed record CameraView(string Id, string Source, string Profile, bool Enabled, CameraStatus Status, ActionEvent? Latest, ActionEvent[] Tracks);
