namespace ActionNet.Vision.Synthetic;

/// <summary>
/// The demo's cameras: one held-out looping scene per action, from data seed <see cref="DataSeed"/>,
/// which no training set uses. Walkers, runners and riders loop seamlessly; the fall scene lies on the
/// floor for most of its loop and the push scene is short, so few windows run over a loop point.
/// </summary>
public static class DemoScenes
{
    /// <summary>The data seed of the demo scenes.</summary>
    public const int DataSeed = 9001;

    /// <summary>The demo scene of every action, in label order.</summary>
    public static IReadOnlyList<SceneSpec> Scenes { get; } =
    [
        .. SyntheticVideo.Actions.Select(action => new SceneSpec(action, DataSeed * 100000, FramesOf(action), 160, 120, 25, Loop: true)),
    ];

    /// <summary>The camera the demo registers for <paramref name="action"/>: <c>demo-&lt;action&gt;</c> with '_' as '-'.</summary>
    public static string CameraId(string action)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        return "demo-" + action.Replace('_', '-');
    }

    /// <summary>Writes the scenes as videos under <paramref name="folder"/> (kept when already there); returns (action, path) in label order.</summary>
    public static IReadOnlyList<(string Action, string Path)> Write(string folder)
    {
        var paths = SyntheticDataset.WriteVideos(folder, Scenes);
        return [.. Scenes.Select((scene, i) => (scene.Action, paths[i]))];
    }

    private static int FramesOf(string action) => action switch
    {
        "fall_floor" => 150,
        "push" => 60,
        _ => 100,
    };
}
