using ActionNet.Vision.Dataset;
using ActionNet.Vision.Sources;
using ActionNet.Vision.Synthetic;
using OpenCvSharp;

namespace ActionNet.Vision.Tests;

/// <summary>The synthetic scene renderer: the same seed gives the same pixels, seeds and actions differ, and its datasets are in TAO's layout.</summary>
public sealed class SceneRendererTests
{
    public static TheoryData<string> Actions => [.. SyntheticVideo.Actions];

    [Theory]
    [MemberData(nameof(Actions))]
    public void TheSameSpecRendersTheSamePixelsInAnyFrameOrder(string action)
    {
        var spec = new SceneSpec(action, Seed: 42, Frames: 30, Width: 96, Height: 72);
        using var first = new SceneRenderer(spec);
        using var second = new SceneRenderer(spec);
        using var a = new Mat();
        using var b = new Mat();
        foreach (var index in (int[])[0, 7, 29, 3])
        {
            first.Render(index, a);
            second.Render(index, b);
            Assert.Equal((72, 96), (a.Rows, a.Cols));
            Assert.Equal(0, Differences(a, b));
        }

        // Rendering frame 3 again after others gives the same frame 3.
        first.Render(3, a);
        Assert.Equal(0, Differences(a, b));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void PeopleMoveAndAnotherSeedIsAnotherScene(string action)
    {
        using var scene = new SceneRenderer(new SceneSpec(action, Seed: 5, Frames: 48));
        using var other = new SceneRenderer(new SceneSpec(action, Seed: 6, Frames: 48));
        using var start = new Mat();
        using var end = new Mat();
        using var elsewhere = new Mat();
        scene.Render(8, start);
        scene.Render(40, end);
        other.Render(8, elsewhere);

        // Well beyond the sensor noise: a person moved between the two frames, and the other seed's
        // background, lighting and people differ almost everywhere.
        Assert.True(MeanAbsoluteDifference(start, end, out var moved) > 0 && moved > 150, $"{action}: only {moved} pixels changed by more than 40 between frames 8 and 40");
        Assert.True(MeanAbsoluteDifference(start, elsewhere, out _) > 10, $"{action}: seeds 5 and 6 look alike");
    }

    [Fact]
    public void WrittenVideosDecodeToTheSameFramesEachTime()
    {
        using var temp = new TempDirectory();
        var spec = new SceneSpec("ride_bike", Seed: 3, Frames: 12, Width: 80, Height: 60);
        SyntheticVideo.Write(temp.Combine("a.mp4"), spec);
        SyntheticVideo.Write(temp.Combine("b.mp4"), spec);

        var a = Decode(temp.Combine("a.mp4"));
        var b = Decode(temp.Combine("b.mp4"));
        Assert.Equal(12, a.Count);
        Assert.Equal(a, b);
    }

    [Fact]
    public void ADatasetIsWrittenInTaoLayoutWithOneClipFolderPerSceneAndNMinusOneFlowImages()
    {
        using var temp = new TempDirectory();
        var scenes = SyntheticDataset.Plan(dataSeed: 3, perClass: 2, frames: 10, width: 64, height: 48);

        var summary = SyntheticDataset.WriteTao(temp.Combine("videos"), temp.Combine("tao"), scenes);

        Assert.Equal(10, summary.Prepared);
        Assert.Empty(summary.Failures);
        var root = temp.Combine("tao");
        Assert.Equal(SyntheticVideo.Actions.Order(), Directory.GetDirectories(root).Select(Path.GetFileName).Order());
        Assert.Empty(Directory.GetFiles(root));
        foreach (var scene in scenes)
        {
            var clip = Path.Combine(root, scene.Action, Path.GetFileNameWithoutExtension(SyntheticDataset.FileName(scene)));
            Assert.Equal(["rgb", "u", "v"], Directory.GetDirectories(clip).Select(Path.GetFileName).Order());
            Assert.Empty(Directory.GetFiles(clip));
            Assert.Equal(Names(10, ".png"), Directory.GetFiles(Path.Combine(clip, "rgb")).Select(Path.GetFileName).Order());
            Assert.Equal(Names(9, ".jpg"), Directory.GetFiles(Path.Combine(clip, "u")).Select(Path.GetFileName).Order());
            Assert.Equal(Names(9, ".jpg"), Directory.GetFiles(Path.Combine(clip, "v")).Select(Path.GetFileName).Order());
            using var rgb = Cv2.ImRead(Path.Combine(clip, "rgb", "000000.png"));
            Assert.Equal((48, 64, 3), (rgb.Rows, rgb.Cols, rgb.Channels()));
            using var u = Cv2.ImRead(Path.Combine(clip, "u", "000000.jpg"), ImreadModes.Unchanged);
            Assert.Equal((48, 64, 1), (u.Rows, u.Cols, u.Channels()));
        }

        var dataset = TaoDataset.Open(root);
        Assert.Equal(10, dataset.Clips.Count);
        Assert.All(dataset.Clips, clip => Assert.Equal(scenes.Single(s => Path.GetFileNameWithoutExtension(SyntheticDataset.FileName(s)) == clip.Name).Action, clip.ClassName));
    }

    [Fact]
    public void DataSeedsNeverShareAScene()
    {
        var training = SyntheticDataset.Plan(dataSeed: 1, perClass: 100);
        var heldOut = SyntheticDataset.Plan(dataSeed: 2, perClass: 100);
        Assert.Empty(training.Select(s => (s.Action, s.Seed)).Intersect(heldOut.Select(s => (s.Action, s.Seed))));
        Assert.DoesNotContain(DemoScenes.Scenes, d => training.Any(s => s.Seed == d.Seed));
    }

    private static string[] Names(int count, string extension) => [.. Enumerable.Range(0, count).Select(i => $"{i:D6}{extension}")];

    private static List<byte[]> Decode(string path)
    {
        var frames = new List<byte[]>();
        using var reader = VideoFileReader.Open(path);
        reader.ReadAll((_, frame) =>
        {
            frame.GetArray(out Vec3b[] pixels);
            frames.Add([.. pixels.SelectMany(p => (byte[])[p.Item0, p.Item1, p.Item2])]);
        });
        return frames;
    }

    private static int Differences(Mat a, Mat b)
    {
        using var diff = new Mat();
        Cv2.Absdiff(a, b, diff);
        using var gray = diff.Reshape(1);
        return Cv2.CountNonZero(gray);
    }

    private static double MeanAbsoluteDifference(Mat a, Mat b, out int changedPixels)
    {
        using var diff = new Mat();
        Cv2.Absdiff(a, b, diff);
        using var gray = new Mat();
        Cv2.CvtColor(diff, gray, ColorConversionCodes.BGR2GRAY);
        using var changed = new Mat();
        Cv2.Threshold(gray, changed, 40, 255, ThresholdTypes.Binary);
        changedPixels = Cv2.CountNonZero(changed);
        return Cv2.Mean(diff).Val0;
    }
}
