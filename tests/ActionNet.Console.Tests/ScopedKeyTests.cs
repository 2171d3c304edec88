using ActionNet.Console.Tests.Support;
using ActionNet.Storage.Keys;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ActionNet.Console.Tests;

/// <summary>A key limited to some cameras: the console shows which, and nothing of any other camera on its pages.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ScopedKeyTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task AKeyLimitedToOneCameraShowsItsScopeAndOnlyThatCameraOnEveryPage()
    {
        var (mine, other) = (fixture.Cameras[1], fixture.Cameras[0]);
        var key = await fixture.Api.ScopedKeyAsync(ApiRole.Operator, mine);
        await using var console = await fixture.Browser.OpenAsync(fixture.Origin);
        var page = console.Page;

        await console.SignInAsync(key);
        await page.Locator($"article.camera-card[data-camera='{mine}'] .snapshot[data-state='loaded']").WaitForAsync(new() { Timeout = 30_000 });
        await page.Locator($"article.camera-card[data-camera='{mine}'][data-sequence]").WaitForAsync();

        await Assertions.Expect(page.Locator(".scope")).ToHaveTextAsync($"cameras {mine}");
        Assert.Equal(1, await page.Locator("article.camera-card").CountAsync());
        output.WriteLine(await console.ScreenshotAsync("scoped-cameras"));
        foreach (var route in new[] { "/", "/events", "/alerts", "/cluster" })
        {
            await console.GoAsync(route);
            await page.Locator("main h1").WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.DoesNotContain(other, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        }
    }
}
