using ActionNet.Console.Tests.Support;
using Microsoft.Playwright;

namespace ActionNet.Console.Tests;

/// <summary>A viewer sees no controls that change anything, and the API refuses a forged change anyway.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ViewerTests(ConsoleFixture fixture)
{
    // A request the page's own code never makes for a viewer, sent from the page with the viewer's key.
    private const string Forge = """
        async ([method, path]) => (await fetch('/api/v1' + path, {
          method,
          headers: { Authorization: 'Bearer ' + sessionStorage.getItem('actionnet.apiKey'), 'Content-Type': 'application/json' },
          body: method === 'PUT' ? JSON.stringify({ source: '/nowhere.mp4' }) : undefined,
        })).status
        """;

    [Fact]
    public async Task AViewerSeesNoAddRemoveOrEditControls()
    {
        await using var console = await fixture.Browser.OpenAsync(fixture.Origin);
        await console.SignInAsync(fixture.ViewerKey);
        await console.Page.Locator($"article.camera-card[data-camera='{fixture.Cameras[0]}']").WaitForAsync();
        await Assertions.Expect(console.Page.Locator(".role")).ToHaveTextAsync("viewer");

        foreach (var name in new[] { "Add camera", "Remove", "Disable", "Enable" })
        {
            Assert.Equal(0, await console.Page.GetByRole(AriaRole.Button, new() { Name = name }).CountAsync());
        }

        await console.GoAsync("/alerts");
        await console.Page.GetByRole(AriaRole.Heading, new() { Name = "Recent deliveries" }).WaitForAsync();
        Assert.Equal(0, await console.Page.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).CountAsync());
        Assert.Equal(0, await console.Page.Locator("form").CountAsync());
    }

    [Fact]
    public async Task AForgedChangeFromAViewersPageGets403()
    {
        var camera = fixture.Cameras[0];
        await using var console = await fixture.Browser.OpenAsync(fixture.Origin);
        await console.SignInAsync(fixture.ViewerKey);

        Assert.Equal(403, await console.Page.EvaluateAsync<int>(Forge, new[] { "DELETE", $"/cameras/{camera}" }));
        Assert.Equal(403, await console.Page.EvaluateAsync<int>(Forge, new[] { "PUT", "/cameras/forged-by-viewer" }));
        Assert.Equal(403, await console.Page.EvaluateAsync<int>(Forge, new[] { "POST", $"/cameras/{camera}/disable" }));
        Assert.Equal(200, (await fixture.Admin.SendAsync(HttpMethod.Get, $"cameras/{camera}")).Status);
        Assert.Equal(404, (await fixture.Admin.SendAsync(HttpMethod.Get, "cameras/forged-by-viewer")).Status);
    }
}
