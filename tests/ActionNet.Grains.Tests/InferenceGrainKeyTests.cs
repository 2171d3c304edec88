using ActionNet.Grains.Placement;

namespace ActionNet.Grains.Tests;

public class InferenceGrainKeyTests
{
    [Fact]
    public void KeyRoundTripsWithSortedLowerCaseAccelerators()
    {
        var key = InferenceGrainKey.Create("rgb-2d", ["T4", " cpu ", "t4"], 3);

        Assert.Equal("rgb-2d|cpu,t4|3", key.ToString());
        Assert.True(InferenceGrainKey.TryParse(key.ToString(), out var parsed));
        Assert.Equal("rgb-2d", parsed!.Profile);
        Assert.Equal(["cpu", "t4"], parsed.Accelerators);
        Assert.Equal(3, parsed.Shard);
    }

    [Fact]
    public void EmptyOrStarAcceleratorListAllowsEverySilo()
    {
        var empty = InferenceGrainKey.Create("p", [], 0);
        var star = InferenceGrainKey.Create("p", ["*"], 0);

        Assert.Equal("p|*|0", empty.ToString());
        Assert.Equal("p|*|0", star.ToString());
        Assert.True(empty.Allows("jetson"));
        Assert.True(empty.Allows(null));
    }

    [Fact]
    public void AllowsComparesLabelsIgnoringCaseAndRejectsUnlabelledSilos()
    {
        var key = InferenceGrainKey.Create("p", ["t4"], 0);

        Assert.True(key.Allows("T4"));
        Assert.False(key.Allows("cpu"));
        Assert.False(key.Allows(null));
    }

    [Fact]
    public void CameraShardIsStableAndWithinRange()
    {
        var first = InferenceGrainKey.ForCamera("p", ["t4"], "lobby-cam", 4);
        var again = InferenceGrainKey.ForCamera("p", ["t4"], "lobby-cam", 4);

        Assert.Equal(first, again with { Accelerators = first.Accelerators });
        Assert.Equal(first.Shard, again.Shard);
        Assert.InRange(first.Shard, 0, 3);
        Assert.Equal(0, InferenceGrainKey.ForCamera("p", [], "lobby-cam", 1).Shard);
        var shards = Enumerable.Range(0, 64).Select(i => InferenceGrainKey.ForCamera("p", [], $"cam-{i}", 4).Shard).Distinct().Count();
        Assert.Equal(4, shards);
    }

    [Theory]
    [InlineData("")]
    [InlineData("history")]
    [InlineData("p|t4")]
    [InlineData("p|t4|x")]
    [InlineData("|t4|0")]
    [InlineData("p|t4|-1")]
    public void OtherStringsAreNotInferenceKeys(string text) =>
        Assert.False(InferenceGrainKey.TryParse(text, out _));

    [Fact]
    public void ProfileNamesWithTheSeparatorAreRefused() =>
        Assert.Throws<ArgumentException>(() => InferenceGrainKey.Create("a|b", [], 0));
}
