using System.Globalization;
using System.Text.Json.Nodes;
using ActionNet.Console.Tests.Support;
using Microsoft.Playwright;

namespace ActionNet.Console.Tests;

/// <summary>The events page: filters, paging with the API's continuation token, CSV export, local times.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class EventsTests(ConsoleFixture fixture)
{
    private const int PageSize = 10;

    [Fact]
    public async Task SearchFiltersByCameraLabelConfidenceAndTimeAndPagesWithTheToken()
    {
        var search = await SearchAsync();
        await using var console = await OpenSearchAsync(search);

        var rows = console.Page.Locator(".results tbody tr");
        await Assertions.Expect(console.Page.Locator(".results[data-state='loaded'][data-page='1']")).ToBeVisibleAsync();
        var first = await fixture.Admin.GetAsync($"history?{search.Query}&limit={PageSize}");
        Assert.Equal(Sequences(first), await ShownSequencesAsync(rows));
        Assert.NotNull(first["next"]);

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(console.Page.Locator(".results[data-state='loaded'][data-page='2']")).ToBeVisibleAsync();
        var second = await fixture.Admin.GetAsync($"history?{search.Query}&limit={PageSize}&after={Uri.EscapeDataString(first["next"]!.GetValue<string>())}");
        Assert.Equal(Sequences(second), await ShownSequencesAsync(rows));

        foreach (var item in first["items"]!.AsArray().Concat(second["items"]!.AsArray()))
        {
            Assert.Equal(search.Camera, item!["cameraId"]!.GetValue<string>());
            Assert.Equal(search.Label, item["label"]!.GetValue<string>());
            Assert.True(item["confidence"]!.GetValue<double>() >= search.MinConfidence);
        }

        // Times show in the browser's zone and locale (Europe/Berlin and en-GB here: 24-hour), with UTC on hover.
        var time = rows.First.Locator("time");
        var utc = DateTimeOffset.Parse((await time.GetAttributeAsync("datetime"))!, CultureInfo.InvariantCulture);
        var local = TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Contains(local.ToString("HH:mm:ss", CultureInfo.InvariantCulture), await time.TextContentAsync(), StringComparison.Ordinal);
        Assert.EndsWith("UTC", await time.GetAttributeAsync("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvExportDownloadsTheSearch()
    {
        var search = await SearchAsync();
        await using var console = await OpenSearchAsync(search);
        await Assertions.Expect(console.Page.Locator(".results[data-state='loaded']")).ToBeVisibleAsync();

        var download = await console.Page.RunAndWaitForDownloadAsync(() => console.Page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path);
        var expected = await fixture.Admin.GetTextAsync($"history/export?{search.Query}&format=csv");

        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal(expected, csv);
        Assert.True(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > PageSize, "the export holds the whole search, not one page");
    }

    // A search over this fixture's history that matches more than two pages and that the confidence
    // filter narrows: one camera, its most frequent label, a range that ended 10 s ago, whole seconds
    // (what the form's time fields hold).
    private async Task<Search> SearchAsync()
    {
        var camera = fixture.Cameras[0];
        var from = Seconds(fixture.Started.AddMinutes(-1));
        var to = Seconds(DateTimeOffset.UtcNow.AddSeconds(-10));
        var events = await fixture.Admin.AllPagesAsync($"history?camera={camera}&from={IsoTime.Query(from)}&to={IsoTime.Query(to)}&limit=1000");
        var label = events.GroupBy(e => e["label"]!.GetValue<string>()).MaxBy(g => g.Count())!;
        var confidences = label.Select(e => e["confidence"]!.GetValue<double>()).Order().ToList();
        var min = Math.Floor(confidences[confidences.Count / 5] * 1000) / 1000;
        var search = new Search(camera, label.Key, min, from, to);
        Assert.True(confidences.Count(c => c >= min) > 2 * PageSize, $"the fixture's history is too small to page: {confidences.Count} events of {label.Key}");
        Assert.True(confidences.Any(c => c < min), "the confidence filter would exclude nothing");
        return search;
    }

    private async Task<ConsolePage> OpenSearchAsync(Search search)
    {
        var console = await fixture.Browser.OpenAsync(fixture.Origin);
        await console.SignInAsync(fixture.AdminKey);
        await console.GoAsync("/events");
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        string Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, berlin).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        await console.Page.GetByLabel("Camera").SelectOptionAsync(search.Camera);
        await console.Page.GetByLabel("Label").FillAsync(search.Label);
        await console.Page.GetByLabel("Minimum confidence").FillAsync(search.MinConfidence.ToString(CultureInfo.InvariantCulture));
        await console.Page.GetByLabel("From").FillAsync(Local(search.From));
        await console.Page.GetByLabel("To", new() { Exact = true }).FillAsync(Local(search.To));
        await console.Page.GetByLabel("Rows per page").SelectOptionAsync($"{PageSize}");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        return console;
    }

    private static List<long> Sequences(JsonNode page) => [.. page["items"]!.AsArray().Select(e => e!["sequence"]!.GetValue<long>())];

    private static async Task<List<long>> ShownSequencesAsync(ILocator rows) =>
        [.. (await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.sequence)")).Select(s => long.Parse(s, CultureInfo.InvariantCulture))];

    private static DateTimeOffset Seconds(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private sealed record Search(string Camera, string Label, double MinConfidence, DateTimeOffset From, DateTimeOffset To)
    {
        public string Query => $"camera={Camera}&label={Uri.EscapeDataString(Label)}&minConfidence={MinConfidence.ToString(CultureInfo.InvariantCulture)}&from={IsoTime.Query(From)}&to={IsoTime.Query(To)}";
    }
}
