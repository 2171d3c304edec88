using System.Globalization;
using System.Text.RegularExpressions;
using ActionNet.Console.Tests.Support;
using Microsoft.Playwright;

namespace ActionNet.Console.Tests;

/// <summary>Labels reach the camera cards over the live feed (SSE), without a reload.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class LiveLabelTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task ANewLabelAppearsOnACardWithoutAReload()
    {
        var camera = fixture.Cameras[0];
        await using var console = await fixture.Browser.OpenAsync(fixture.Origin);
        await console.SignInAsync(fixture.AdminKey);
        var card = console.Page.Locator($"article.camera-card[data-camera='{camera}']");
        await card.Locator(".label-name").WaitForAsync();
        await Assertions.Expect(card).ToHaveAttributeAsync("data-sequence", new Regex(@"^\d+$"));
        var first = long.Parse(await card.GetAttributeAsync("data-sequence") ?? "-1", CultureInfo.InvariantCulture);

        // From here on the camera list cannot be fetched, so only the live feed can change the card;
        // a marker on the window shows that the page was not reloaded.
        await console.Page.RouteAsync("**/api/v1/cameras", route => route.AbortAsync());
        await console.Page.EvaluateAsync("() => { window.__sameDocument = true; }");
        var newer = await console.Page.WaitForFunctionAsync(
            "([id, first]) => { const c = document.querySelector(`article.camera-card[data-camera='${id}']`); return Number(c.dataset.sequence) > first ? [c.dataset.sequence, c.querySelector('.label-name').textContent] : null; }",
            new object[] { camera, first },
            new() { Timeout = 30_000 });
        var shown = (await newer.JsonValueAsync<string[]>())!;
        var sequence = long.Parse(shown[0], CultureInfo.InvariantCulture);

        Assert.True(await console.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
        var since = IsoTime.Query(DateTimeOffset.UtcNow.AddMinutes(-2));
        var stored = await Poll.UntilAsync(
            $"event {sequence} of {camera} in the history",
            TimeSpan.FromSeconds(15),
            async () => (await fixture.Admin.AllPagesAsync($"history?camera={camera}&from={since}&limit=1000")).FirstOrDefault(e => e["sequence"]!.GetValue<long>() == sequence),
            e => e is not null);
        Assert.Equal(stored!["label"]!.GetValue<string>(), shown[1]);
    }
}
