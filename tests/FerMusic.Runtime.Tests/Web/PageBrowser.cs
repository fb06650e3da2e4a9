using System.Net;
using System.Net.Sockets;
using FerMusic.Tests;
using Microsoft.Playwright;
using OpenCvSharp;

namespace FerMusic.Runtime.Tests.Web;

/// <summary>
/// Debian's Chromium, headless and driven by Playwright, with a fake camera playing a video: a skip without Chromium
/// (a failure under CI).
/// </summary>
public sealed class PageBrowser : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private PageBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <param name="camera">A .y4m video for the fake camera, or null for a browser that is refused the camera.</param>
    public static async Task<PageBrowser> LaunchAsync(string? camera)
    {
        if (!File.Exists(Chromium))
        {
            SharedData.Missing($"{Chromium} is absent: install Debian's chromium (scripts/install-dependencies.sh does).");
        }
        List<string> args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync",
        ];
        if (camera is not null)
        {
            args.AddRange(["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={camera}"]);
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = args });
        return new PageBrowser(playwright, browser);
    }

    /// <param name="bypassCsp">
    /// Let the test evaluate strings in the page (Playwright's <c>WaitForFunctionAsync</c> does), which the page's own
    /// Content-Security-Policy forbids; tests of the page under its real policy leave it false and use locators.
    /// </param>
    public async Task<IPage> OpenAsync(string url, int width, int height, bool bypassCsp = true)
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BypassCSP = bypassCsp,
        });
        await page.GotoAsync(url);
        return page;
    }

    /// <summary>A fake-camera video of a picture (a shared photograph, or a blank frame).</summary>
    public static string Camera(string folder, string? photo, int frames = 10)
    {
        var path = Path.Combine(folder, (photo is null ? "blank" : Path.GetFileNameWithoutExtension(photo)) + ".y4m");
        using var image = photo is null
            ? new Mat(480, 640, MatType.CV_8UC3, new Scalar(90, 90, 90))
            : Cv2.ImRead(SharedData.Require(Path.Combine(SharedData.Root, "data", "faces", photo)));
        Y4mWriter.Write(path, image, frames);
        return path;
    }

    public static string FreeUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    /// <summary>Where screenshots of the page go: $FERMUSIC_TEST_ARTIFACTS, or TestResults/screenshots beside the tests.</summary>
    public static string ArtifactPath(string name)
    {
        var folder = Environment.GetEnvironmentVariable("FERMUSIC_TEST_ARTIFACTS") is { Length: > 0 } set
            ? set
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
