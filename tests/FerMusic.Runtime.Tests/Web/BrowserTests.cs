using System.Net;
using System.Net.Sockets;
using FerMusic.Tests;
using Microsoft.Playwright;
using OpenCvSharp;

namespace FerMusic.Runtime.Tests.Web;

/// <summary>
/// The page end to end in Debian's Chromium (headless, driven by Playwright), its camera faked with a video made
/// from a real face photo: the page must show a detected face, an emotion and a playlist, and a new playlist when
/// the strategy changes.
/// </summary>
public sealed class BrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string RequireChromium()
    {
        if (File.Exists(Chromium))
        {
            return Chromium;
        }
        SharedData.Missing($"{Chromium} is absent: install Debian's chromium (scripts/install-dependencies.sh does).");
        return Chromium;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task The_page_shows_a_face_an_emotion_and_a_playlist_that_follows_the_strategy()
    {
        var chromium = RequireChromium();
        var photo = SharedData.Require(Path.Combine(SharedData.Root, "data", "faces", "obama.jpg"));
        var camera = _temp.File("camera.y4m");
        using (var image = Cv2.ImRead(photo))
        {
            Y4mWriter.Write(camera, image, frames: 10);
        }
        var url = $"http://127.0.0.1:{FreePort()}";
        await using var app = await WebAppFixture.StartAsync(testServer: false, url: url);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={camera}",
            ],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        await page.GotoAsync(url);

        await page.WaitForFunctionAsync("document.getElementById('emotion').textContent === 'happy'", null, new() { Timeout = 30_000 });
        await page.WaitForFunctionAsync("document.querySelectorAll('#playlist li').length === 10", null, new() { Timeout = 10_000 });
        var firstPlaylist = await page.InnerTextAsync("#playlist");
        Assert.Contains("connected", await page.InnerTextAsync("#status"));
        var boxDrawn = await page.EvaluateAsync<bool>(
            "(() => { const c = document.getElementById('overlay'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; return d.some((v, i) => i % 4 === 3 && v > 0); })()");
        Assert.True(boxDrawn, "no face box was drawn on the overlay");

        var screenshot = Environment.GetEnvironmentVariable("FERMUSIC_SCREENSHOT");
        if (!string.IsNullOrEmpty(screenshot))
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        }

        await page.SelectOptionAsync("#strategy", "uplift");
        await page.WaitForFunctionAsync($"document.getElementById('playlist').innerText !== {System.Text.Json.JsonSerializer.Serialize(firstPlaylist)}", null, new() { Timeout = 10_000 });
        Assert.Equal(10, await page.Locator("#playlist li").CountAsync());
    }
}
