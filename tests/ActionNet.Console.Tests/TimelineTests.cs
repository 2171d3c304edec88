using System.Text.Json;
using System.Text.Json.Nodes;
using ActionNet.Console.Tests.Support;
using Microsoft.Playwright;

namespace ActionNet.Console.Tests;

/// <summary>The camera page's timeline draws exactly the segments the API returns for the chosen range.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class TimelineTests(ConsoleFixture fixture)
{
    // Every segment bar on the page: its data, its lane's label and its edges in pixels from the lanes' left side.
    private const string ReadBars = """
        () => {
          const host = document.querySelector('.camera-detail .timeline');
          const panel = host.querySelector('.vis-panel.vis-center').getBoundingClientRect();
          const groups = [...host.querySelectorAll('.vis-foreground > .vis-group')];
          const lanes = [...host.querySelectorAll('.vis-labelset .vis-label')].map(l => l.textContent.trim());
          return [...host.querySelectorAll('.vis-item.segment')].map(item => {
            const d = item.querySelector('.segment-content').dataset;
            const box = item.getBoundingClientRect();
            return { first: Number(d.first), label: d.label, start: d.start, end: d.end, open: d.open === 'true',
                     lane: lanes[groups.indexOf(item.closest('.vis-group'))], left: box.left - panel.left, right: box.right - panel.left, width: panel.width };
          });
        }
        """;

    [Fact]
    public async Task TheTimelineShowsTheSegmentsTheApiReturnsForTheRange()
    {
        var camera = fixture.Cameras[0];
        var from = IsoTime.Milliseconds(fixture.Started.AddMinutes(-1));
        var to = IsoTime.Milliseconds(DateTimeOffset.UtcNow.AddSeconds(-2));
        var query = $"cameras/{camera}/segments?from={IsoTime.Query(from)}&to={IsoTime.Query(to)}&limit=1000";
        var before = await fixture.Admin.AllPagesAsync(query);
        Assert.NotEmpty(before);

        await using var console = await fixture.Browser.OpenAsync(fixture.Origin);
        await console.SignInAsync(fixture.AdminKey);
        await console.GoAsync($"/cameras/{camera}?from={IsoTime.Of(from)}&to={IsoTime.Of(to)}");
        await console.Page.Locator($".camera-detail[data-loading='false'][data-loaded-from='{IsoTime.Of(from)}']").WaitForAsync();
        var bars = (await console.Page.EvaluateAsync<JsonElement>(ReadBars)).Deserialize<Bar[]>(JsonSerializerOptions.Web)!;
        var after = await fixture.Admin.AllPagesAsync(query);

        // The open segment may grow, or close, between the two reads: the page must match one of them.
        var api = SameFirsts(bars, after) ? after : before;
        Assert.Equal(api.Select(s => s["firstSequence"]!.GetValue<long>()).Order(), bars.Select(b => b.First).Order());
        var width = bars[0].Width;
        double X(DateTimeOffset t) => (t - from).TotalMilliseconds / (to - from).TotalMilliseconds * width;
        foreach (var bar in bars)
        {
            var segment = api.Single(s => s["firstSequence"]!.GetValue<long>() == bar.First);
            Assert.Equal(segment["label"]!.GetValue<string>(), bar.Label);
            Assert.Equal(bar.Label, bar.Lane);
            Assert.Equal(IsoTime.Milliseconds(segment["start"]!.GetValue<DateTimeOffset>()), bar.Start);
            if (!segment["open"]!.GetValue<bool>() && !Open(before, segment))
            {
                Assert.Equal(IsoTime.Milliseconds(segment["end"]!.GetValue<DateTimeOffset>()), bar.End);
            }

            // Boundaries on screen: each edge inside the range sits where its time is (within the border).
            if (bar.Start > from)
            {
                Assert.InRange(bar.Left, X(bar.Start) - 3, X(bar.Start) + 3);
            }

            if (bar.End < to && bar.Right - bar.Left > 6)
            {
                Assert.InRange(bar.Right, X(bar.End) - 3, X(bar.End) + 3);
            }
        }

        await console.ScreenshotAsync("timeline-check");
    }

    [Fact]
    public async Task ClickingASegmentListsItsEvents()
    {
        var camera = fixture.Cameras[0];
        var from = IsoTime.Milliseconds(fixture.Started.AddMinutes(-1));
        var to = IsoTime.Milliseconds(DateTimeOffset.UtcNow.AddSeconds(-2));
        var closed = (await fixture.Admin.AllPagesAsync($"cameras/{camera}/segments?from={IsoTime.Query(from)}&to={IsoTime.Query(to)}&limit=1000"))
            .Where(s => !s["open"]!.GetValue<bool>())
            .MaxBy(s => s["windows"]!.GetValue<int>());
        Assert.NotNull(closed);
        var first = closed["firstSequence"]!.GetValue<long>();

        await using var console = await fixture.Browser.OpenAsync(fixture.Origin);
        await console.SignInAsync(fixture.AdminKey);
        await console.GoAsync($"/cameras/{camera}?from={IsoTime.Of(from)}&to={IsoTime.Of(to)}");
        await console.Page.Locator(".camera-detail[data-loading='false']").WaitForAsync();
        await console.Page.Locator($".vis-item.segment:has(.segment-content[data-first='{first}'])").ClickAsync();

        var events = console.Page.Locator($".segment-events[data-segment='{first}'] tbody tr");
        await Assertions.Expect(events).ToHaveCountAsync(closed["windows"]!.GetValue<int>());
        await Assertions.Expect(console.Page.Locator(".segment-events")).ToContainTextAsync(closed["label"]!.GetValue<string>());
    }

    private static bool SameFirsts(IEnumerable<Bar> bars, IEnumerable<JsonNode> segments) =>
        bars.Select(b => b.First).Order().SequenceEqual(segments.Select(s => s["firstSequence"]!.GetValue<long>()).Order());

    private static bool Open(IEnumerable<JsonNode> segments, JsonNode segment) =>
        segments.Any(s => s["firstSequence"]!.GetValue<long>() == segment["firstSequence"]!.GetValue<long>() && s["open"]!.GetValue<bool>());

    /// <summary>A segment bar as drawn: its data, its lane's label, and its edges in pixels from the lanes' left side.</summary>
    private sealed record Bar(long First, string Label, DateTimeOffset Start, DateTimeOffset End, bool Open, string Lane, double Left, double Right, double Width);
}
