using System.Text.Json.Nodes;
using ActionNet.Cluster.Tests.Support;
using ActionNet.Console.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ActionNet.Console.Tests;

/// <summary>
/// The Alerts page on the real alerts API: an operator adds, edits and removes a rule through the form (the API's
/// one-line refusal shown as it is), a viewer only reads, and a rule's webhook firings to a real local receiver
/// show up in the deliveries table as delivered.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AlertsTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    // Nothing listens on port 9 (discard): the form's rules stay disabled, so they never deliver there.
    private const string NowhereUrl = "http://127.0.0.1:9/hook";

    [Fact]
    public async Task AnOperatorAddsEditsAndRemovesARuleThroughTheForm()
    {
        var id = $"form-rule-{Guid.NewGuid():N}"[..18];
        await using var console = await fixture.Browser.OpenAsync(fixture.Origin);
        var page = console.Page;
        await console.SignInAsync(fixture.OperatorKey);
        await console.GoAsync("/alerts");
        try
        {
            // By keyboard: Enter on "Add rule" opens the form with the id focused; Enter in a field saves.
            await page.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByLabel("Rule id")).ToBeFocusedAsync();
            await page.GetByLabel("Rule id").FillAsync(id);
            await page.GetByLabel("Cameras", new() { Exact = true }).FillAsync($"{fixture.Cameras[0]}, {fixture.Cameras[1]}");
            await page.GetByLabel("Label", new() { Exact = true }).FillAsync("R_t0");
            await page.GetByLabel("Min confidence").FillAsync("0.4");
            await page.GetByLabel("Min duration (s)").FillAsync("2.5");
            await page.GetByLabel("Cooldown (s)").FillAsync("30");
            await page.GetByLabel("Webhook URL").FillAsync(NowhereUrl);
            await page.GetByLabel("Enabled", new() { Exact = true }).UncheckAsync();
            Assert.False(await page.GetByLabel("Publish to MQTT").IsCheckedAsync());
            var added = await page.RunAndWaitForResponseAsync(() => page.GetByLabel("Cooldown (s)").PressAsync("Enter"), IsPut(id));
            Assert.Equal(201, added.Status);

            var row = page.Locator($".rules tr[data-rule='{id}']");
            await Assertions.Expect(row.Locator("td")).ToHaveTextAsync([id, $"{fixture.Cameras[0]}, {fixture.Cameras[1]}", "R_t0", "0.4", "2.5 s", "30 s", $"webhook {NowhereUrl}", "no", "EditRemove"]);
            var stored = await fixture.Admin.GetAsync($"alerts/rules/{id}");
            Assert.Equal([fixture.Cameras[0], fixture.Cameras[1]], stored["cameras"]!.AsArray().Select(c => c!.GetValue<string>()));
            Assert.Equal("R_t0", stored["label"]!.GetValue<string>());
            Assert.Equal(0.4, stored["minConfidence"]!.GetValue<double>());
            Assert.Equal(2.5, stored["minDurationSeconds"]!.GetValue<double>());
            Assert.Equal(30, stored["cooldownSeconds"]!.GetValue<double>());
            Assert.Equal(NowhereUrl, stored["webhookUrl"]!.GetValue<string>());
            Assert.False(stored["mqtt"]!.GetValue<bool>());
            Assert.False(stored["enabled"]!.GetValue<bool>());
            var listed = (await fixture.Admin.GetAsync("alerts/rules")).AsArray().Single(r => r!["id"]!.GetValue<string>() == id)!;
            Assert.True(JsonNode.DeepEquals(stored, listed), $"listed {listed.ToJsonString()}, got {stored.ToJsonString()}");

            // A confidence out of range: the API's own line, on one line, and nothing changes.
            await page.GetByRole(AriaRole.Button, new() { Name = $"Edit rule {id}" }).ClickAsync();
            await Assertions.Expect(page.GetByLabel("Rule id")).ToHaveValueAsync(id);
            await Assertions.Expect(page.GetByLabel("Min confidence")).ToHaveValueAsync("0.4");
            await page.GetByLabel("Min confidence").FillAsync("2");
            var refused = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Save rule" }).ClickAsync(), IsPut(id));
            Assert.Equal(400, refused.Status);
            var expected = new ApiAnswer(refused.Status, await refused.TextAsync()).Detail;
            Assert.Contains("minConfidence '2' is invalid", expected, StringComparison.Ordinal);
            var error = page.Locator("#rule-form .error-line");
            await Assertions.Expect(error).ToHaveTextAsync(expected!);
            Assert.DoesNotContain('\n', (await error.TextContentAsync())!);
            Assert.Equal(0.4, (await fixture.Admin.GetAsync($"alerts/rules/{id}"))["minConfidence"]!.GetValue<double>());

            // Edit: every camera, a higher confidence; the id stays.
            await page.GetByLabel("Min confidence").FillAsync("0.65");
            await page.GetByLabel("Cameras", new() { Exact = true }).FillAsync("*");
            var edited = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Save rule" }).ClickAsync(), IsPut(id));
            Assert.Equal(200, edited.Status);
            await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("0.65");
            await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("all (*)");
            stored = await fixture.Admin.GetAsync($"alerts/rules/{id}");
            Assert.Equal(0.65, stored["minConfidence"]!.GetValue<double>());
            Assert.Equal(["*"], stored["cameras"]!.AsArray().Select(c => c!.GetValue<string>()));
            Assert.Equal("R_t0", stored["label"]!.GetValue<string>());

            // Remove asks once more, then deletes.
            await page.GetByRole(AriaRole.Button, new() { Name = $"Remove rule {id}" }).ClickAsync();
            var removed = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = $"Remove {id}", Exact = true }).ClickAsync(),
                r => r.Request.Method == "DELETE" && r.Url.EndsWith($"/api/v1/alerts/rules/{id}", StringComparison.Ordinal));
            Assert.Equal(204, removed.Status);
            await Assertions.Expect(row).ToHaveCountAsync(0);
            Assert.Equal(404, (await fixture.Admin.SendAsync(HttpMethod.Get, $"alerts/rules/{id}")).Status);
        }
        finally
        {
            await fixture.Admin.SendAsync(HttpMethod.Delete, $"alerts/rules/{id}");
        }
    }

    [Fact]
    public async Task AViewerSeesTheRulesWithoutAddEditOrRemove()
    {
        var id = $"viewer-rule-{Guid.NewGuid():N}"[..20];
        var put = await fixture.Admin.SendAsync(HttpMethod.Put, $"alerts/rules/{id}", new { cameras = new[] { "*" }, label = "B_t0", minConfidence = 0.5, webhookUrl = NowhereUrl, enabled = false });
        Assert.Equal(201, put.Status);
        try
        {
            await using var console = await fixture.Browser.OpenAsync(fixture.Origin);
            var page = console.Page;
            await console.SignInAsync(fixture.ViewerKey);
            await console.GoAsync("/alerts");
            await Assertions.Expect(page.Locator($".rules tr[data-rule='{id}'] td").Nth(2)).ToHaveTextAsync("B_t0");
            await Assertions.Expect(page.Locator(".deliveries[data-state='loaded']")).ToHaveCountAsync(1);
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).CountAsync());
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Edit rule" }).CountAsync());
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Remove" }).CountAsync());
            Assert.Equal(0, await page.Locator("#rule-form").CountAsync());
            Assert.DoesNotContain("Actions", await page.Locator(".rules thead").TextContentAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await fixture.Admin.SendAsync(HttpMethod.Delete, $"alerts/rules/{id}");
        }
    }

    [Fact]
    public async Task WebhookDeliveriesShowUpAsDeliveredAndThePageFitsBothWidths()
    {
        var id = $"hook-rule-{Guid.NewGuid():N}"[..18];
        var camera = fixture.Cameras[0];
        await using var receiver = new WebhookReceiver(fixture.WebhookSecret).Start();

        // The red and blue camera starts a new segment of each of its labels every few seconds: one of them fires at once.
        var label = (await fixture.Admin.GetAsync($"cameras/{camera}"))["latest"]!["label"]!.GetValue<string>();
        var put = await fixture.Admin.SendAsync(HttpMethod.Put, $"alerts/rules/{id}", new { cameras = new[] { camera }, label, minConfidence = 0, minDurationSeconds = 0, cooldownSeconds = 0, webhookUrl = receiver.Url, mqtt = false, enabled = true });
        Assert.Equal(201, put.Status);
        try
        {
            await using var console = await fixture.Browser.OpenAsync(fixture.Origin, ConsolePage.DesktopWidth, 900);
            var page = console.Page;
            await console.SignInAsync(fixture.OperatorKey);
            await console.GoAsync("/alerts");

            // The first page refreshes itself; wait (with a deadline) for this rule's delivered rows.
            var delivered = page.Locator($".deliveries tr[data-rule='{id}'][data-outcome='delivered']");
            try
            {
                await delivered.First.WaitForAsync(new() { Timeout = 120_000 });
            }
            catch (TimeoutException e)
            {
                var deliveries = (await fixture.Admin.GetAsync("alerts/deliveries?limit=10")).ToJsonString();
                var diagnostics = fixture.Diagnostics();
                throw new TimeoutException($"no delivered row for {id} (label {label}): the receiver got {receiver.Received.Count} requests; the API lists {deliveries}\n{diagnostics[Math.Max(0, diagnostics.Length - 6000)..]}", e);
            }

            Assert.NotEmpty(receiver.Received);
            Assert.All(receiver.Received, r => Assert.True(r.SignatureValid, $"bad signature on {r.DeliveryId}"));

            // The row shows what the API has for that delivery; the time is local with UTC on hover.
            var deliveryId = (await delivered.First.GetAttributeAsync("data-delivery"))!;
            var item = (await fixture.Admin.GetAsync("alerts/deliveries?limit=100"))["items"]!.AsArray().Single(d => d!["id"]!.GetValue<string>() == deliveryId)!;
            var cells = delivered.First.Locator("td");
            Assert.Equal(id, await cells.Nth(1).TextContentAsync());
            Assert.Equal(camera, await cells.Nth(2).TextContentAsync());
            Assert.Equal(label, await cells.Nth(3).TextContentAsync());
            Assert.Equal(item["phase"]!.GetValue<string>().ToLowerInvariant(), await cells.Nth(4).TextContentAsync());
            Assert.Equal("Delivered", item["outcome"]!.GetValue<string>());
            Assert.Equal("webhook", await cells.Nth(5).TextContentAsync());
            Assert.Equal("delivered", await cells.Nth(6).TextContentAsync());
            Assert.Equal(item["attempts"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture), await cells.Nth(7).TextContentAsync());
            var time = cells.Nth(0).Locator("time");
            Assert.EndsWith(" UTC", await time.GetAttributeAsync("title"), StringComparison.Ordinal);
            Assert.Equal(DateTimeOffset.Parse(item["createdAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse((await time.GetAttributeAsync("datetime"))!, System.Globalization.CultureInfo.InvariantCulture));

            // Newest first.
            var times = await page.Locator(".deliveries tbody time").EvaluateAllAsync<string[]>("ts => ts.map(t => t.dateTime)");
            Assert.Equal(times.OrderByDescending(t => DateTimeOffset.Parse(t, System.Globalization.CultureInfo.InvariantCulture)), times);

            // Screenshots with the rule, its deliveries and the open form, at desktop and phone width.
            await page.GetByRole(AriaRole.Button, new() { Name = $"Edit rule {id}" }).ClickAsync();
            foreach (var width in new[] { ConsolePage.DesktopWidth, ConsolePage.PhoneWidth })
            {
                await page.SetViewportSizeAsync(width, width == ConsolePage.PhoneWidth ? 844 : 900);
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the alerts page is wider than {width} px");
                output.WriteLine(await console.ScreenshotAsync($"alerts-with-deliveries-{width}"));
            }
        }
        finally
        {
            await fixture.Admin.SendAsync(HttpMethod.Delete, $"alerts/rules/{id}");
        }
    }

    private static Func<IResponse, bool> IsPut(string id) =>
        r => r.Request.Method == "PUT" && r.Url.EndsWith($"/api/v1/alerts/rules/{id}", StringComparison.Ordinal);
}
