using ActionNet.Console.Tests.Support;
using Microsoft.Playwright;

namespace ActionNet.Console.Tests;

/// <summary>Signing in with an API key, and the camera grid a signed-in user sees.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SignInTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task AWrongKeyShowsAnErrorAndNothingElse()
    {
        await using var console = await fixture.Browser.OpenAsync(fixture.Origin);
        await console.Page.GetByLabel("API key").FillAsync("ank_000000000000_not-a-real-secret");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var error = console.Page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(error).ToContainTextAsync("The API refused this key");
        Assert.Equal(0, await console.Page.Locator("header.top nav").CountAsync());
        Assert.Null(await console.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('actionnet.apiKey')"));
    }

    [Fact]
    public async Task TheRightKeyShowsEveryCameraWithItsStateAndASnapshotThatLoads()
    {
        await using var console = await fixture.Browser.OpenAsync(fixture.Origin);
        await console.SignInAsync(fixture.AdminKey);

        var cameras = (await fixture.Admin.GetAsync("cameras")).AsArray();
        Assert.NotEmpty(cameras);
        foreach (var camera in cameras)
        {
            var id = camera!["id"]!.GetValue<string>();
            var card = console.Page.Locator($"article.camera-card[data-camera='{id}']");
            await Assertions.Expect(card.Locator(".state")).Not.ToBeEmptyAsync();
            await Assertions.Expect(card).ToHaveAttributeAsync("data-state", camera["enabled"]!.GetValue<bool>() ? camera["status"]!["state"]!.GetValue<string>() : "Disabled", new() { Timeout = 15_000 });
            var image = card.Locator(".snapshot[data-state='loaded'] img");
            await image.WaitForAsync(new() { Timeout = 30_000 });
            Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), $"the snapshot of {id} did not load");
        }

        // The key lives in this tab's session storage only.
        Assert.Equal(fixture.AdminKey, await console.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('actionnet.apiKey')"));
        Assert.Equal(0, await console.Page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.Empty(console.ForeignRequests);
    }
}
