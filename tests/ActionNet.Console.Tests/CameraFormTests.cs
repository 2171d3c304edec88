using ActionNet.Console.Tests.Support;
using Microsoft.Playwright;

namespace ActionNet.Console.Tests;

/// <summary>An operator registers cameras through the "Add camera" form; refusals show the API's own line.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CameraFormTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task AnOperatorAddsACameraThroughTheFormAndItReachesStreaming()
    {
        var id = $"form-{Guid.NewGuid():N}"[..13];
        await using var console = await fixture.Browser.OpenAsync(fixture.Origin);
        await console.SignInAsync(fixture.OperatorKey);

        // By keyboard: Enter on the button opens the form, Enter in a field submits it; fields are found by their labels.
        var add = console.Page.GetByRole(AriaRole.Button, new() { Name = "Add camera" });
        await add.FocusAsync();
        await console.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(console.Page.GetByLabel("Camera id")).ToBeFocusedAsync();
        await console.Page.GetByLabel("Camera id").FillAsync(id);
        await console.Page.GetByLabel("Source").FillAsync(fixture.Video);
        await console.Page.GetByLabel("Model profile").FillAsync(fixture.Profile);
        await console.Page.GetByLabel("Loop the video file").CheckAsync();
        var response = await console.Page.RunAndWaitForResponseAsync(
            () => console.Page.GetByLabel("Model profile").PressAsync("Enter"),
            r => r.Request.Method == "PUT" && r.Url.EndsWith($"/api/v1/cameras/{id}", StringComparison.Ordinal));
        try
        {
            Assert.Equal(201, response.Status);
            var card = console.Page.Locator($"article.camera-card[data-camera='{id}']");
            await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "Streaming", new() { Timeout = 60_000 });
            await Assertions.Expect(card.Locator(".state")).ToHaveTextAsync("streaming");
        }
        finally
        {
            await fixture.Admin.SendAsync(HttpMethod.Delete, $"cameras/{id}");
        }
    }

    [Fact]
    public async Task AnInvalidIdShowsTheApisOneLineError()
    {
        const string id = "Lobby_Cam";
        var expected = await fixture.Admin.SendAsync(HttpMethod.Put, $"cameras/{id}", new { source = fixture.Video, profile = fixture.Profile });
        Assert.Equal(400, expected.Status);

        await using var console = await fixture.Browser.OpenAsync(fixture.Origin);
        await console.SignInAsync(fixture.OperatorKey);
        var error = await SubmitAsync(console, id, fixture.Video, fixture.Profile);

        Assert.Equal(expected.Detail, error);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public async Task ARefusalOnlyTheClusterCanMakeShowsTheApisOneLineError()
    {
        var id = $"form-{Guid.NewGuid():N}"[..13];
        await using var console = await fixture.Browser.OpenAsync(fixture.Origin);
        await console.SignInAsync(fixture.OperatorKey);
        var answer = console.Page.WaitForResponseAsync(r => r.Request.Method == "PUT" && r.Url.EndsWith($"/api/v1/cameras/{id}", StringComparison.Ordinal));
        var error = await SubmitAsync(console, id, fixture.Video, "no-such-profile");

        var response = await answer;
        Assert.Equal(400, response.Status);
        Assert.Equal(new ApiAnswer(response.Status, await response.TextAsync()).Detail, error);
        Assert.Equal(404, (await fixture.Admin.SendAsync(HttpMethod.Get, $"cameras/{id}")).Status);
    }

    private static async Task<string> SubmitAsync(ConsolePage console, string id, string source, string profile)
    {
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Add camera" }).ClickAsync();
        await console.Page.GetByLabel("Camera id").FillAsync(id);
        await console.Page.GetByLabel("Source").FillAsync(source);
        await console.Page.GetByLabel("Model profile").FillAsync(profile);
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Register camera" }).ClickAsync();
        var error = console.Page.Locator("#add-camera .error-line");
        await Assertions.Expect(error).ToBeVisibleAsync();
        return (await error.TextContentAsync())!;
    }
}
