using FerMusic.Tests;
using Microsoft.Playwright;

namespace FerMusic.Runtime.Tests.Web;

/// <summary>
/// The page end to end in Debian's Chromium under its own Content-Security-Policy, its camera faked with a video made
/// from a real face photo: the page must show a detected face, an emotion and a playlist, and a new playlist when the
/// strategy changes.
/// </summary>
public sealed class BrowserTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_page_shows_a_face_an_emotion_and_a_queue_that_follows_the_strategy_and_skips()
    {
        var camera = PageBrowser.Camera(_temp.Path, "obama.jpg");
        var url = PageBrowser.FreeUrl();
        await using var app = await WebAppFixture.StartAsync(testServer: false, url: url);
        await using var browser = await PageBrowser.LaunchAsync(camera);
        var page = await browser.OpenAsync(url, 1280, 720, bypassCsp: false);
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") { errors.Add(message.Text); } };

        await Assertions.Expect(page.Locator("#emotion")).ToHaveTextAsync("happy", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#playlist li")).ToHaveCountAsync(4, new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#now-title")).Not.ToBeEmptyAsync();
        var firstPlaylist = await page.InnerTextAsync("#playlist");
        var playing = await page.InnerTextAsync("#now-title");
        Assert.Contains("Live", await page.InnerTextAsync("#status"));
        var boxDrawn = await page.EvaluateAsync<bool>(
            "(() => { const c = document.getElementById('overlay'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; return d.some((v, i) => i % 4 === 3 && v > 0); })()");
        Assert.True(boxDrawn, "no face box was drawn on the overlay");

        var screenshot = Environment.GetEnvironmentVariable("FERMUSIC_SCREENSHOT");
        if (!string.IsNullOrEmpty(screenshot))
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        }

        await page.SelectOptionAsync("#strategy", "uplift");
        await Assertions.Expect(page.Locator("#playlist")).Not.ToHaveTextAsync(firstPlaylist, new() { Timeout = 10_000 });
        Assert.Equal(4, await page.Locator("#playlist li").CountAsync());
        Assert.Equal(playing, await page.InnerTextAsync("#now-title")); // the playing track plays on

        await page.ClickAsync("#now-next");
        await Assertions.Expect(page.Locator("#now-title")).Not.ToHaveTextAsync(playing, new() { Timeout = 10_000 });
        await page.ClickAsync("#why summary");
        await Assertions.Expect(page.Locator("#why-text")).ToContainTextAsync("Aimed at valence");
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
