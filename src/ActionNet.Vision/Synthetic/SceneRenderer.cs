using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>
/// Renders the frames of one <see cref="SceneSpec"/>: a cluttered background (gradient, boxes, poles,
/// blobs), the action's articulated people, then the camera: lighting gain, offset and tint, and
/// per-frame sensor noise. Every random choice comes from the spec's seed, and frame i's noise from
/// (seed, i), so any frame can be rendered on its own and always gives the same pixels (BGR).
/// Not thread-safe.
/// </summary>
public sealed class SceneRenderer : IDisposable
{
    private readonly SceneCamera _camera;
    private readonly List<ISceneActor> _actors = [];

    /// <summary>Plans the scene of <paramref name="spec"/>.</summary>
    public SceneRenderer(SceneSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Spec = spec;
        var random = new Random(SceneSeed(spec));
        _camera = new SceneCamera(random, spec.Width, spec.Height, SceneSeed(spec));
        var zoom = SceneLayout.Between(random, 0.8, 1.15);
        switch (spec.Action)
        {
            case "walk":
            case "run":
                var running = spec.Action == "run";
                _actors.Add(new GaitActor(random, spec, running, SceneLayout.Random(random, spec.Width, spec.Height, zoom)));
                if (random.NextDouble() < 0.3)
                {
                    _actors.Add(new GaitActor(random, spec, running, SceneLayout.Random(random, spec.Width, spec.Height, zoom)));
                }

                break;
            case "fall_floor":
                _actors.Add(new FallActor(random, spec, SceneLayout.Random(random, spec.Width, spec.Height, zoom)));
                break;
            case "push":
                _actors.Add(new PushActors(random, spec, SceneLayout.Random(random, spec.Width, spec.Height, zoom)));
                break;
            default:
                _actors.Add(new BikeActor(random, spec, SceneLayout.Random(random, spec.Width, spec.Height, zoom)));
                if (random.NextDouble() < 0.2)
                {
                    _actors.Add(new BikeActor(random, spec, SceneLayout.Random(random, spec.Width, spec.Height, zoom)));
                }

                break;
        }

        // Nearer people (lower ground line) are drawn last, over the further ones.
        _actors.Reverse();
    }

    /// <summary>The scene rendered.</summary>
    public SceneSpec Spec { get; }

    /// <summary>Renders frame <paramref name="index"/> into <paramref name="destination"/> (re-created as H x W BGR).</summary>
    public void Render(int index, Mat destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        _camera.Begin(destination);
        var seconds = index / Spec.Fps;
        foreach (var actor in _actors)
        {
            actor.Draw(destination, seconds);
        }

        _camera.Expose(destination, index);
    }

    /// <inheritdoc/>
    public void Dispose() => _camera.Dispose();

    /// <summary>The seed of a scene's random choices: stable across runs (no string hash randomisation).</summary>
    private static int SceneSeed(SceneSpec spec) => unchecked((spec.Seed * 7919) + (SyntheticVideo.Actions.ToList().IndexOf(spec.Action) * 104729) + 17);
}
