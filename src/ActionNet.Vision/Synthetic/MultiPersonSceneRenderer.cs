using ActionNet.Vision.Detection;
using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>
/// Renders the frames of a <see cref="MultiPersonSceneSpec"/> with the single-action scenes' background,
/// actors, figures, lighting and noise, and reports each frame's ground truth: a box per visible person with
/// its stable id and action label, taken from the geometry the renderer draws. Every random choice comes
/// from the spec's seed and frame i's noise from (seed, i), so any frame renders on its own, always with the
/// same pixels (BGR) and boxes. Not thread-safe.
/// </summary>
public sealed class MultiPersonSceneRenderer : IDisposable
{
    private static readonly string[] Singles = ["fall_floor", "walk", "run", "ride_bike"];
    private readonly SceneCamera _camera;
    private readonly List<(ISceneActor Actor, int FirstId, string Action)> _cast = [];

    /// <summary>Plans the scene of <paramref name="spec"/>.</summary>
    public MultiPersonSceneRenderer(MultiPersonSceneSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var seed = unchecked((spec.Seed * 7919) + 611953);
        var random = new Random(seed);
        _camera = new SceneCamera(random, spec.Width, spec.Height, seed);
        var zoom = SceneLayout.Between(random, 0.8, 1.15);

        // The cast is always drawn, so naming the actions the seed would draw renders the same scene.
        var drawn = DrawCast(random);
        var actions = spec.Actions ?? drawn;
        Spec = spec with { Actions = [.. actions] };
        var seconds = spec.Frames / spec.Fps;
        var planned = new List<(ISceneActor Actor, int FirstId, string Action, double GroundY)>();
        var nextId = 1;
        foreach (var action in actions)
        {
            var layout = SceneLayout.Random(random, spec.Width, spec.Height, zoom);
            var centreAt = seconds * SceneLayout.Between(random, 0.1, 0.9);
            var single = new SceneSpec(action, spec.Seed, spec.Frames, spec.Width, spec.Height, spec.Fps);
            ISceneActor actor = action switch
            {
                "walk" or "run" => new GaitActor(random, single, action == "run", layout, centreAt),
                "fall_floor" => new FallActor(random, single, layout),
                "push" => new PushActors(random, single, layout),
                _ => new BikeActor(random, single, layout, centreAt),
            };
            planned.Add((actor, nextId, action, layout.GroundY));
            nextId += actor.People;
        }

        // Nearer people (lower ground line) are drawn last, over the further ones.
        _cast.AddRange(planned.OrderBy(p => p.GroundY).Select(p => (p.Actor, p.FirstId, p.Action)));
        People =
        [
            .. _cast.SelectMany(c => c.Actor.Figures(0).Select(f => new ScenePerson(c.FirstId + f.Person, c.Action, _camera.Film(f.Style.Shirt), _camera.Film(f.Style.Trousers))))
                .OrderBy(p => p.Id),
        ];
    }

    /// <summary>The scene rendered, with <see cref="MultiPersonSceneSpec.Actions"/> as cast (drawn from the seed when the spec had none).</summary>
    public MultiPersonSceneSpec Spec { get; }

    /// <summary>The scene's people, by id.</summary>
    public IReadOnlyList<ScenePerson> People { get; }

    /// <summary>Renders frame <paramref name="index"/> into <paramref name="destination"/> (re-created as H x W BGR).</summary>
    public void Render(int index, Mat destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        _camera.Begin(destination);
        var seconds = index / Spec.Fps;
        foreach (var (actor, _, _) in _cast)
        {
            actor.Draw(destination, seconds);
        }

        _camera.Expose(destination, index);
    }

    /// <summary>The ground truth of frame <paramref name="index"/>: a box for every person at least partly inside the frame, by id.</summary>
    public IReadOnlyList<GroundTruthBox> Truth(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var seconds = index / Spec.Fps;
        var drawn = _cast
            .SelectMany(c => c.Actor.Figures(seconds).Select(f => (Id: c.FirstId + f.Person, c.Action, Box: StickFigure.Bounds(f.Joints, f.Style, f.Height))))
            .ToList();
        var truth = new List<GroundTruthBox>(drawn.Count);
        for (var i = 0; i < drawn.Count; i++)
        {
            var box = drawn[i].Box.ClipTo(Spec.Width, Spec.Height);
            if (box.IsEmpty)
            {
                continue;
            }

            var nearer = drawn.Skip(i + 1).Select(d => d.Box).ToList();
            var visible = (box.Area - Covered(box, nearer)) / drawn[i].Box.Area;
            truth.Add(new GroundTruthBox(drawn[i].Id, drawn[i].Action, box, Math.Clamp(visible, 0, 1)));
        }

        return [.. truth.OrderBy(t => t.PersonId)];
    }

    /// <summary>The whole scene's ground truth: the spec, the people and every frame's boxes.</summary>
    public SceneGroundTruth GroundTruth() => new(Spec, People, [.. Enumerable.Range(0, Spec.Frames).Select(Truth)]);

    /// <inheritdoc/>
    public void Dispose() => _camera.Dispose();

    /// <summary>Two or three different single-person actions, or push (two people) and one of them.</summary>
    private static string[] DrawCast(Random random)
    {
        var singles = Singles.OrderBy(_ => random.Next()).ToArray();
        return random.Next(3) switch
        {
            0 => ["push", singles[0]],
            1 => singles[..2],
            _ => singles[..3],
        };
    }

    /// <summary>Area of <paramref name="box"/> under the union of <paramref name="others"/>, by inclusion and exclusion (a scene has few people).</summary>
    private static float Covered(PixelBox box, IReadOnlyList<PixelBox> others)
    {
        var covered = 0f;
        for (var subset = 1; subset < 1 << others.Count; subset++)
        {
            var common = box;
            for (var j = 0; j < others.Count; j++)
            {
                if ((subset & (1 << j)) != 0)
                {
                    common = new PixelBox(Math.Max(common.X1, others[j].X1), Math.Max(common.Y1, others[j].Y1), Math.Min(common.X2, others[j].X2), Math.Min(common.Y2, others[j].Y2));
                }
            }

            covered += (System.Numerics.BitOperations.PopCount((uint)subset) % 2 == 1 ? 1 : -1) * common.Area;
        }

        return covered;
    }
}
