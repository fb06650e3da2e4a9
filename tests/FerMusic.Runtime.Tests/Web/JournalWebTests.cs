using System.Net;
using System.Text.Json;
using FerMusic.Runtime.Journal;
using FerMusic.Runtime.Tests.Journal;
using FerMusic.Runtime.Web.Security;
using FerMusic.Tests;
using Microsoft.Extensions.Time.Testing;

namespace FerMusic.Runtime.Tests.Web;

/// <summary>The journal through the web app: what a page session leaves behind, restarts, per-browser privacy, bad files.</summary>
public sealed class JournalWebTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    private string File => _temp.File("journal.db");

    private static async Task<JsonElement> GetJsonAsync(WebAppFixture app, string path, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        using var response = await app.Server.CreateClient().SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();
    }

    /// <summary>Waits until the journal has written a finished session (the session ends after its socket closes).</summary>
    private static async Task<JsonElement> FinishedSessionAsync(WebAppFixture app, string? cookie = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            await app.App.Services.GetRequiredService<MoodJournal>().FlushAsync(Cancel);
            var journal = await GetJsonAsync(app, "/api/journal", cookie);
            var sessions = journal.GetProperty("sessions");
            if (sessions.GetArrayLength() > 0 && sessions[0].GetProperty("ended").ValueKind != JsonValueKind.Null || attempt > 500)
            {
                return journal;
            }
            await Task.Delay(10, Cancel);
        }
    }

    [Fact]
    public async Task A_page_session_is_recorded_and_after_a_restart_its_history_and_likes_are_still_there()
    {
        SharedData.Require(Path.Combine(SharedData.Root, "data", "faces", "obama.jpg"));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        string liked;
        await using (var app = await WebAppFixture.StartAsync(web => web.MaxFramesPerSecond = 10, time: time, journal: j => j.Path = File))
        {
            using var page = await PageClient.ConnectAsync(app);
            var frame = WebAppFixture.FaceJpeg();
            JsonDocument? queue = null;
            for (var i = 0; i < 16; i++)
            {
                await page.SendFrameAsync(frame);
                while (await page.ReceiveAsync() is { } message && message.RootElement.GetProperty("type").GetString() is var type && type != "frame")
                {
                    queue = type == "queue" ? message : queue;
                }
                time.Advance(TimeSpan.FromMilliseconds(250));
            }
            Assert.NotNull(queue);
            var now = queue.RootElement.GetProperty("now");
            liked = now.GetProperty("artist").GetString()!;
            await page.SendTextAsync(JsonSerializer.Serialize(new { type = "like", artist = liked, title = now.GetProperty("title").GetString() }));
            Assert.NotNull(await page.ReceiveAsync("queue"));
            await page.Socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bye", Cancel);

            var journal = await FinishedSessionAsync(app);
            var session = journal.GetProperty("sessions")[0];
            Assert.InRange(session.GetProperty("seconds").GetInt32(), 3, 5);
            Assert.Equal("happy", session.GetProperty("top_emotion").GetString());
            Assert.True(session.GetProperty("tracks_played").GetInt32() >= 1);
        }

        await using var restarted = await WebAppFixture.StartAsync(journal: j => j.Path = File);

        var after = await GetJsonAsync(restarted, "/api/journal");
        Assert.True(after.GetProperty("enabled").GetBoolean());
        var history = Assert.Single(after.GetProperty("sessions").EnumerateArray());
        Assert.Equal(1, history.GetProperty("tracks_liked").GetInt32());
        Assert.Equal(liked, after.GetProperty("top_artists")[0].GetProperty("name").GetString());
        var timeline = await GetJsonAsync(restarted, $"/api/journal/sessions/{history.GetProperty("id").GetInt64()}");
        Assert.True(timeline.GetProperty("seconds").GetArrayLength() >= 3);
        Assert.Contains(timeline.GetProperty("tracks").EnumerateArray(), t => t.GetProperty("kind").GetString() == "liked");
    }

    private static async Task<string> CookieAsync(WebAppFixture app, string? sent = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/journal");
        if (sent is not null)
        {
            request.Headers.Add("Cookie", sent);
        }
        using var response = await app.Server.CreateClient().SendAsync(request, Cancel);
        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", header, StringComparison.OrdinalIgnoreCase);
        return header.Split(';')[0];
    }

    [Fact]
    public async Task Two_browsers_each_see_and_delete_only_their_own_journal()
    {
        var time = new FakeTimeProvider();
        await using var app = await WebAppFixture.StartAsync(journal: j => { j.Path = File; j.PerBrowser = true; });
        var first = await CookieAsync(app);
        var second = await CookieAsync(app);
        Assert.NotEqual(first, second);
        var journal = app.App.Services.GetRequiredService<MoodJournal>();
        var id = JournalData.Write(journal, first.Split('=')[1], time, seconds: 3);
        await journal.FlushAsync(Cancel);

        Assert.Single((await GetJsonAsync(app, "/api/journal", first)).GetProperty("sessions").EnumerateArray());
        Assert.Empty((await GetJsonAsync(app, "/api/journal", second)).GetProperty("sessions").EnumerateArray());
        var client = app.Server.CreateClient();
        using (var peek = new HttpRequestMessage(HttpMethod.Get, $"/api/journal/sessions/{id}"))
        {
            peek.Headers.Add("Cookie", second);
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(peek, Cancel)).StatusCode);
        }
        using (var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/journal"))
        {
            delete.Headers.Add("Cookie", second);
            using var response = await client.SendAsync(delete, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(0, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("sessions").GetInt32());
        }
        Assert.Single((await GetJsonAsync(app, "/api/journal", first)).GetProperty("sessions").EnumerateArray());
        using (var export = new HttpRequestMessage(HttpMethod.Get, "/api/journal/export?format=csv"))
        {
            export.Headers.Add("Cookie", second);
            var csv = await (await client.SendAsync(export, Cancel)).Content.ReadAsStringAsync(Cancel);
            Assert.Single(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries)); // the header only
        }
        // A made-up id is not taken: the browser gets a new one of its own.
        var forged = await CookieAsync(app, $"{ListenerIdentity.CookieName}=../{first.Split('=')[1]}");
        Assert.NotEqual(first, forged);
    }

    [Fact]
    public async Task Another_sites_page_cannot_delete_the_journal()
    {
        await using var app = await WebAppFixture.StartAsync(journal: j => j.Path = File);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/journal");
        delete.Headers.Add("Origin", "https://evil.example");

        using var response = await app.Server.CreateClient().SendAsync(delete, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Exports_hold_every_row_of_the_listener_as_JSON_and_CSV()
    {
        await using var app = await WebAppFixture.StartAsync(journal: j => j.Path = File);
        var journal = app.App.Services.GetRequiredService<MoodJournal>();
        JournalData.Write(journal, ListenerIdentity.Local, new FakeTimeProvider(), seconds: 4, Music.TestCatalogs.Grid().Tracks[0]);
        await journal.FlushAsync(Cancel);

        var json = await GetJsonAsync(app, "/api/journal/export?format=json");
        var csv = await app.Server.CreateClient().GetStringAsync("/api/journal/export?format=csv", Cancel);

        Assert.Equal(4, json.GetProperty("seconds").GetArrayLength());
        Assert.Equal(2, json.GetProperty("tracks").GetArrayLength());
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("record,session,time_utc,face,emotion,angry", lines[0]);
        Assert.Equal(4, lines.Count(l => l.StartsWith("second,", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.StartsWith("track,", StringComparison.Ordinal)));
        Assert.All(lines, l => Assert.Equal(lines[0].Count(c => c == ','), l.Count(c => c == ',')));
    }

    [Fact]
    public async Task A_corrupt_journal_is_reported_and_the_app_serves_on_without_one()
    {
        SharedData.Require(Path.Combine(SharedData.Root, "data", "faces", "obama.jpg"));
        await System.IO.File.WriteAllTextAsync(File, "this is not a database, but somebody's notes", Cancel);
        await using var app = await WebAppFixture.StartAsync(journal: j => j.Path = File);

        var journal = await GetJsonAsync(app, "/api/journal");
        using var page = await PageClient.ConnectAsync(app);
        await page.SendFrameAsync(WebAppFixture.FaceJpeg());

        Assert.False(journal.GetProperty("enabled").GetBoolean());
        Assert.Contains("damaged", journal.GetProperty("problem").GetString());
        Assert.NotNull(await page.ReceiveAsync("frame"));
        var client = app.Server.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/journal/sessions/1", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/journal/export?format=csv", Cancel)).StatusCode);
        Assert.Equal("this is not a database, but somebody's notes", await System.IO.File.ReadAllTextAsync(File, Cancel));
    }
}
