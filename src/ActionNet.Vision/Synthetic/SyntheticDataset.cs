using ActionNet.Vision.Dataset;

namespace ActionNet.Vision.Synthetic;

/// <summary>
/// Sets of synthetic scenes, one list per action, drawn from a data seed (so a training set and a
/// held-out set with another data seed never share a scene), written as class folders of videos
/// (<c>&lt;root&gt;/&lt;action&gt;/&lt;action&gt;_NNN.mp4</c>) and as TAO's dataset layout through the
/// project's own <see cref="DatasetPreparer"/> (<c>&lt;root&gt;/&lt;action&gt;/&lt;clip&gt;/rgb|u|v/</c>).
/// </summary>
public static class SyntheticDataset
{
    /// <summary>
    /// <paramref name="perClass"/> scenes of every action for <paramref name="dataSeed"/>; scene k of an
    /// action has seed <c>dataSeed * 100000 + k</c> and <paramref name="frames"/> frames (or, when
    /// <paramref name="varyLength"/> is set, 1, 1.5 or 2 times that, in turn).
    /// </summary>
    public static IReadOnlyList<SceneSpec> Plan(int dataSeed, int perClass, int frames = 48, int width = 160, int height = 120, bool loop = false, bool varyLength = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perClass);
        var scenes = new List<SceneSpec>(perClass * SyntheticVideo.Actions.Count);
        foreach (var action in SyntheticVideo.Actions)
        {
            for (var k = 0; k < perClass; k++)
            {
                var length = varyLength ? frames * (2 + (k % 3)) / 2 : frames;
                scenes.Add(new SceneSpec(action, checked((dataSeed * 100000) + k), length, width, height, 25, loop));
            }
        }

        return scenes;
    }

    /// <summary>The file name a scene is written under: <c>&lt;action&gt;_&lt;seed&gt;.mp4</c>.</summary>
    public static string FileName(SceneSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return $"{spec.Action}_{spec.Seed:D7}.mp4";
    }

    /// <summary>Writes every scene to <c>&lt;root&gt;/&lt;action&gt;/</c> (existing files are kept); returns the paths in plan order.</summary>
    public static IReadOnlyList<string> WriteVideos(string root, IReadOnlyList<SceneSpec> scenes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(scenes);
        var paths = new List<string>(scenes.Count);
        foreach (var scene in scenes)
        {
            var path = Path.Combine(root, scene.Action, FileName(scene));
            if (!File.Exists(path))
            {
                var partial = Path.Combine(root, scene.Action, "." + FileName(scene));
                SyntheticVideo.Write(partial, scene);
                File.Move(partial, path, overwrite: true);
            }

            paths.Add(path);
        }

        return paths;
    }

    /// <summary>Writes the scenes as videos under <paramref name="videosRoot"/>, then as a TAO dataset under <paramref name="datasetRoot"/>.</summary>
    public static DatasetSummary WriteTao(string videosRoot, string datasetRoot, IReadOnlyList<SceneSpec> scenes, CancellationToken cancellationToken = default)
    {
        WriteVideos(videosRoot, scenes);
        return new DatasetPreparer(videosRoot, datasetRoot).Prepare(cancellationToken: cancellationToken);
    }
}
