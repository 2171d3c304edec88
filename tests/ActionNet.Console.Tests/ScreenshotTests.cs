using ActionNet.Console.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ActionNet.Console.Tests;

/// <summary>
/// Every page at desktop and phone width, saved as screenshots (the test prints where): each page fits
/// the width without sideways scrolling, and nothing is loaded from anywhere but the console's origin.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ScreenshotTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(ConsolePage.DesktopWidth, 900)]
    [InlineData(ConsolePage.PhoneWidth, 844)]
    public async Task EveryPageFitsTheWidthAndLoadsNothingFromElsewhere(int width, int height)
    {
        await using var console = await fixture.Browser.OpenAsync(fixture.Origin, width, height);
        var page = console.Page;
        var shots = new List<string>();
        async Task ShootAsync(string name)
        {
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{name} is wider than {width} px");
            shots.Add(await console.ScreenshotAsync($"{name}-{width}"));
        }

        await page.GetByLabel("API key").WaitForAsync();
        await ShootAsync("sign-in");
        await console.SignInAsync(fixture.AdminKey);
        foreach (var camera in fixture.Cameras)
        {
            await page.Locator($"article.camera-card[data-camera='{camera}'] .snapshot[data-state='loaded']").WaitForAsync(new() { Timeout = 30_000 });
            await page.Locator($"article.camera-card[data-camera='{camera}'][data-sequence]").WaitForAsync();
        }

        await ShootAsync("cameras");
        // The last 40 s and the next 20: several segments wide enough to see, and live updates arriving.
        var now = DateTimeOffset.UtcNow;
        await console.GoAsync($"/cameras/{fixture.Cameras[0]}?from={IsoTime.Of(now.AddSeconds(-40))}&to={IsoTime.Of(now.AddSeconds(20))}");
        await page.Locator(".camera-detail[data-loading='false'] .vis-item.segment").First.WaitForAsync();
        await page.Locator(".confidence-plot canvas").WaitForAsync();
        await ShootAsync("camera");
        await console.GoAsync("/events");
        await page.Locator(".results[data-state='loaded'] tbody tr").First.WaitForAsync();
        await ShootAsync("events");
        await console.GoAsync("/alerts");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Recent deliveries" }).WaitForAsync();
        await page.Locator(".deliveries[data-state='loaded'] :is(table, p)").WaitForAsync();
        await ShootAsync("alerts");
        await console.GoAsync("/cluster");
        await page.Locator("tr[data-silo]").First.WaitForAsync();
        await ShootAsync("cluster");

        output.WriteLine($"screenshots in {ScreenshotFolder.Path}:");
        shots.ForEach(output.WriteLine);
        Assert.All(shots, s => Assert.True(new FileInfo(s).Length > 5_000, $"{s} is nearly empty"));
        Assert.NotEmpty(console.Requests);
        Assert.Empty(console.ForeignRequests);
    }
}
