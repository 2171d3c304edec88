using ActionNet.Vision.Detection;

namespace ActionNet.Vision.Synthetic;

/// <summary>
/// Where one person of a synthetic scene is in one frame, from the renderer's own geometry: ground truth for
/// training and evaluation, never a detector's output.
/// </summary>
/// <param name="PersonId">The person's id (<see cref="ScenePerson.Id"/>), stable for the whole scene.</param>
/// <param name="Action">The person's action label.</param>
/// <param name="Box">
/// The box around the person's drawn body (limbs, torso, head; a rider without the bicycle), clipped to the
/// frame, in source pixels. People wholly outside the frame have no box.
/// </param>
/// <param name="Visibility">
/// Share of the person's whole (unclipped) box that is inside the frame and not covered by a nearer person's
/// box, 0 to 1: low when the person is leaving the frame or hidden behind someone at a crossing.
/// </param>
public sealed record GroundTruthBox(int PersonId, string Action, PixelBox Box, float Visibility);
