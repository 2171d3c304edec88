using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>One person of a <see cref="MultiPersonSceneSpec"/> scene: who it is, what it does and how it looks.</summary>
/// <param name="Id">The person's id in the scene's ground truth, from 1, stable for the whole scene.</param>
/// <param name="Action">The person's action label (both people of a push are labelled push).</param>
/// <param name="Shirt">Shirt colour as the camera renders it (BGR, lighting applied, before sensor noise).</param>
/// <param name="Trousers">Trousers colour as the camera renders it (BGR, lighting applied, before sensor noise).</param>
public sealed record ScenePerson(int Id, string Action, Scalar Shirt, Scalar Trousers);
