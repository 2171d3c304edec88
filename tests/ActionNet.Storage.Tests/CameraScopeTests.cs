using ActionNet.Abstractions.Cameras;

namespace ActionNet.Storage.Tests;

/// <summary>Camera scopes: glob patterns of camera ids, parsed with one-line messages and matched exactly.</summary>
public sealed class CameraScopeTests
{
    [Theory]
    [InlineData("lobby-*,dock-1", "lobby-1", true)]
    [InlineData("lobby-*,dock-1", "lobby-", true)]
    [InlineData("lobby-*,dock-1", "dock-1", true)]
    [InlineData("lobby-*,dock-1", "dock-10", false)]
    [InlineData("lobby-*,dock-1", "main-lobby-1", false)]
    [InlineData("dock-?", "dock-7", true)]
    [InlineData("dock-?", "dock-77", false)]
    [InlineData("*-gate-*", "north-gate-2", true)]
    [InlineData("*-gate-*", "gate-2", false)]
    [InlineData("", "anything", true)]
    [InlineData("*", "anything", true)]
    public void APatternAllowsExactlyTheIdsItMatches(string patterns, string camera, bool allowed) =>
        Assert.Equal(allowed, CameraScope.Parse(patterns, "--cameras").Allows(camera));

    [Theory]
    [InlineData("Lobby-*", "--cameras holds 'Lobby-*', which is not a camera id pattern")]
    [InlineData("lobby-*,,dock", "--cameras holds '', which is empty")]
    [InlineData("-lobby", "--cameras holds '-lobby', which is not a camera id pattern")]
    [InlineData("lobby\n*", "--cameras holds 'lobby\\u000A*', which is not a camera id pattern")]
    public void AMalformedPatternIsRefusedWithOneLineNamingTheInput(string patterns, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => CameraScope.Parse(patterns, "--cameras"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AnAlertRuleIsCoveredOnlyWhenEveryCameraItNamesIsInTheScope()
    {
        var scope = CameraScope.Parse("lobby-*", "cameras");

        Assert.True(scope.Covers(["lobby-1", "lobby-2"]));
        Assert.False(scope.Covers(["lobby-1", "dock-1"]));
        Assert.False(scope.Covers(["*"]));
        Assert.True(CameraScope.All.Covers(["*"]));
    }
}
