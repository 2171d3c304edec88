using Microsoft.Playwright;

namespace ActionNet.Console.Tests.Support;

/// <summary>
/// One headless Chromium (Debian's <c>/usr/bin/chromium</c>, driven by Playwright) shared by the console
/// tests; each test opens its own <see cref="ConsolePage"/> (a fresh browser context: no shared storage).
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    /// <summary>Where Debian installs Chromium (deploy/local/install-deps.sh); Playwright's own downloads do not work here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    // Headless as root on a build machine: no sandbox, no GPU, and nothing that reaches out to Google's services.
    private static readonly string[] Flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Starts Chromium.</summary>
    /// <exception cref="InvalidOperationException">Chromium is not installed.</exception>
    public static async Task<ConsoleBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run deploy/local/install-deps.sh (it installs Debian's chromium)");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = Flags });
            return new ConsoleBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Opens the console at <paramref name="origin"/> in a new context <paramref name="width"/> pixels wide.</summary>
    public async Task<ConsolePage> OpenAsync(Uri origin, int width = ConsolePage.DesktopWidth, int height = 900)
    {
        // A fixed zone and locale: the console shows times in the browser's own, and a test must not depend on the
        // machine's, nor on the hour (en-US writes 01:13:51 PM after noon where en-GB writes 13:13:51).
        var context = await _browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            AcceptDownloads = true,
            TimezoneId = "Europe/Berlin",
            Locale = "en-GB",
        });
        return await ConsolePage.OpenAsync(context, origin);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
