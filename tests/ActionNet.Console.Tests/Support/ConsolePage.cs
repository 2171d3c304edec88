using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ActionNet.Console.Tests.Support;

/// <summary>
/// The console in one browser context: signs in, moves between pages, and records every request the
/// page makes, so a test can show that nothing came from another origin.
/// </summary>
public sealed class ConsolePage : IAsyncDisposable
{
    /// <summary>The desktop width the console is built for.</summary>
    public const int DesktopWidth = 1280;

    /// <summary>The phone width the console is built for.</summary>
    public const int PhoneWidth = 390;

    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _requests = new();

    private ConsolePage(IBrowserContext context, IPage page, Uri origin)
    {
        _context = context;
        Page = page;
        Origin = origin;
    }

    /// <summary>The Playwright page.</summary>
    public IPage Page { get; }

    /// <summary>The API host serving the console.</summary>
    public Uri Origin { get; }

    /// <summary>Every URL requested so far (documents, scripts, styles, images, fetches).</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    /// <summary>Requests to anywhere but <see cref="Origin"/> (blob: and data: URLs are the page's own).</summary>
    public IReadOnlyList<string> ForeignRequests => [.. _requests.Where(u => !IsOwn(u))];

    internal static async Task<ConsolePage> OpenAsync(IBrowserContext context, Uri origin)
    {
        var page = await context.NewPageAsync();
        var console = new ConsolePage(context, page, origin);
        page.Request += (_, request) => console._requests.Enqueue(request.Url);
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(origin.ToString());
        return console;
    }

    /// <summary>Signs in with <paramref name="key"/> through the form and waits for the camera grid.</summary>
    public async Task SignInAsync(string key)
    {
        await Page.GetByLabel("API key").FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.Locator("header.top nav").WaitForAsync();
    }

    /// <summary>Navigates to a console route such as <c>/events</c> (hash routing) without reloading the app.</summary>
    public Task GoAsync(string route) => Page.EvaluateAsync("route => { location.hash = '#' + route; }", route);

    /// <summary>Saves a full-page screenshot as <paramref name="name"/>.png in the screenshot folder; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(ScreenshotFolder.Path, $"{name}.png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    private bool IsOwn(string url) =>
        url.StartsWith("blob:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal)
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && Uri.Compare(uri, Origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);
}
