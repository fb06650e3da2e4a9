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

    /// <summary>Spotify's iFrame API as the page sees it, without the internet: a controller that records what it is told to play.</summary>
    private const string FakeSpotifyApi = """
        window.fakeSpotify = { loaded: [], controller: null };
        window.onSpotifyIframeApiReady({
          createController(element, options, callback) {
            const listeners = [];
            const controller = {
              loadUri(uri) { fakeSpotify.loaded.push(uri); },
              play() {},
              destroy() {},
              addListener(name, listener) { if (name === 'playback_update') { listeners.push(listener); } },
              emit(data) { for (const listener of listeners) { listener({ data }); } },
            };
            fakeSpotify.loaded.push(options.uri);
            fakeSpotify.controller = controller;
            element.textContent = 'player';
            callback(controller);
          },
        });
        """;

    [Fact]
    public async Task The_Spotify_player_plays_the_queue_and_a_track_it_plays_to_the_end_moves_the_queue_on()
    {
        var catalog = _temp.File("catalog.csv");
        var ids = new Dictionary<string, string>();
        var rows = new List<string> { "title,artist,year,spotify_id,valence,energy,tempo,genre,style,acousticness,loudness,danceability,duration_s,language,power" };
        for (var i = 0; i < 12; i++)
        {
            var id = $"track{i:D2}".PadRight(22, 'x');
            ids[$"Song {i}"] = id;
            rows.Add($"Song {i},Artist {i},{1990 + i},{id},{0.75 + i * 0.02:0.00},{0.3 + i * 0.05:0.00},120,pop,pop,0.2,-6.0,0.7,300,en,{0.3 + i * 0.03:0.00}");
        }
        await File.WriteAllLinesAsync(catalog, rows, TestContext.Current.CancellationToken);
        var url = PageBrowser.FreeUrl();
        await using var app = await WebAppFixture.StartAsync(testServer: false, url: url, catalog: catalog);
        await using var browser = await PageBrowser.LaunchAsync(PageBrowser.Camera(_temp.Path, "obama.jpg"));
        var page = await browser.OpenAsync(url, 1280, 800);
        await page.RouteAsync("https://open.spotify.com/embed/iframe-api/v1", route => route.FulfillAsync(new() { ContentType = "text/javascript", Body = FakeSpotifyApi }));

        await Assertions.Expect(page.Locator("#player-load")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var playing = await page.InnerTextAsync("#now-title");
        await page.ClickAsync("#player-load");
        await page.WaitForFunctionAsync("window.fakeSpotify && fakeSpotify.loaded.length === 1", null, new() { Timeout = 10_000 });
        Assert.Equal("spotify:track:" + ids[playing], await page.EvaluateAsync<string>("fakeSpotify.loaded[0]"));

        // The track plays, then reaches its end: the page says so once, and the queue's next track is loaded.
        await page.EvaluateAsync("fakeSpotify.controller.emit({ position: 1000, duration: 30000, isPaused: false })");
        await page.EvaluateAsync("fakeSpotify.controller.emit({ position: 29800, duration: 30000, isPaused: false })");
        await page.EvaluateAsync("fakeSpotify.controller.emit({ position: 30000, duration: 30000, isPaused: true })");
        await Assertions.Expect(page.Locator("#now-title")).Not.ToHaveTextAsync(playing, new() { Timeout = 10_000 });
        var next = await page.InnerTextAsync("#now-title");
        await page.WaitForFunctionAsync("fakeSpotify.loaded.length === 2", null, new() { Timeout = 10_000 });
        Assert.Equal("spotify:track:" + ids[next], await page.EvaluateAsync<string>("fakeSpotify.loaded[1]"));

        // An update still about the finished track is not the new track's end.
        await page.EvaluateAsync("fakeSpotify.controller.emit({ position: 30000, duration: 30000, isPaused: true })");
        await page.EvaluateAsync("fakeSpotify.controller.emit({ position: 500, duration: 30000, isPaused: false })");
        Assert.True(await page.EvaluateAsync<bool>("spotify.ended === null"), "the new track was reported ended");
        Assert.Equal(next, await page.InnerTextAsync("#now-title"));
    }

    [Fact]
    public async Task The_timeline_fills_while_the_camera_runs_and_after_a_reload_the_session_is_in_the_history_until_deleted()
    {
        var url = PageBrowser.FreeUrl();
        var journal = _temp.File("journal.db");
        await using var app = await WebAppFixture.StartAsync(testServer: false, url: url, journal: j => j.Path = journal);
        await using var browser = await PageBrowser.LaunchAsync(PageBrowser.Camera(_temp.Path, "obama.jpg"));
        var page = await browser.OpenAsync(url, 1280, 900);

        await page.WaitForFunctionAsync("Number(document.body.dataset.timelineSeconds) >= 3", null, new() { Timeout = 30_000 });
        var painted = await page.EvaluateAsync<bool>(
            "(() => { const c = document.getElementById('timeline'); const d = c.getContext('2d').getImageData(0, c.height - 10, c.width, 5).data; return d.some((v, i) => i % 4 === 3 && v > 0); })()");
        Assert.True(painted, "the emotion band of the timeline is empty");
        Assert.Contains("never a picture", await page.InnerTextAsync("#journal-status"));

        var first = Assert.Single(await page.EvaluateAsync<long[]>("fetch('/api/journal').then(r => r.json()).then(j => j.sessions.map(s => s.id))"));
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("document.querySelectorAll('#history li button').length >= 1", null, new() { Timeout = 15_000 });
        Assert.Contains("mostly happy", await page.InnerTextAsync("#history"));
        await page.ClickAsync("#history li button");
        await Assertions.Expect(page.Locator("#past-timeline")).ToBeVisibleAsync();

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.ClickAsync("#journal-delete");
        await Assertions.Expect(page.Locator("#journal-status")).ToContainTextAsync("Deleted");
        var left = await page.EvaluateAsync<long[]>("fetch('/api/journal').then(r => r.json()).then(j => j.sessions.map(s => s.id))");
        Assert.DoesNotContain(first, left);
    }
}
