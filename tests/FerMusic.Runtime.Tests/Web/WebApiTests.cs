using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using FerMusic.Tests;

namespace FerMusic.Runtime.Tests.Web;

public sealed class WebApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serves_the_page_and_its_configuration()
    {
        await using var app = await WebAppFixture.StartAsync();
        var client = app.Server.CreateClient();

        var page = await client.GetStringAsync("/", Cancel);
        var script = await client.GetAsync("/app.js", Cancel);
        using var config = JsonDocument.Parse(await client.GetStringAsync("/api/config", Cancel));

        Assert.Contains("<title>FerMusic</title>", page);
        Assert.Equal("text/javascript; charset=utf-8", script.Content.Headers.ContentType!.ToString());
        Assert.Equal("browser", config.RootElement.GetProperty("mode").GetString());
        Assert.Equal(7, config.RootElement.GetProperty("labels").GetArrayLength());
        Assert.Equal(["match", "uplift", "iso"], config.RootElement.GetProperty("strategies").EnumerateArray().Select(e => e.GetString()));
        Assert.True(config.RootElement.GetProperty("max_fps").GetDouble() > 0);
        Assert.DoesNotContain("secret", config.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SPOTIFY_CLIENT", page + await script.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_socket_endpoint_refuses_plain_requests_and_the_stream_is_off_in_browser_mode()
    {
        await using var app = await WebAppFixture.StartAsync();
        var client = app.Server.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/ws", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/stream.mjpg", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_page_is_told_its_frame_rate_first()
    {
        await using var app = await WebAppFixture.StartAsync(web => web.MaxFramesPerSecond = 4);
        using var page = await PageClient.ConnectAsync(app);

        using var rate = await page.ReceiveAsync();

        Assert.Equal("rate", rate!.RootElement.GetProperty("type").GetString());
        Assert.InRange(rate.RootElement.GetProperty("max_fps").GetDouble(), 0.1, 4);
    }

    [Fact]
    public async Task A_frame_comes_back_with_faces_and_emotion_and_once_the_emotion_holds_a_queue_that_the_page_steers()
    {
        SharedData.Require(Path.Combine(SharedData.Root, "data", "faces", "obama.jpg"));
        await using var app = await WebAppFixture.StartAsync(web => web.MaxFramesPerSecond = 60);
        using var page = await PageClient.ConnectAsync(app);
        var frame = WebAppFixture.FaceJpeg();
        JsonDocument? queue = null;
        string? emotion = null;

        for (var i = 0; i < 40 && queue is null; i++)
        {
            await page.SendFrameAsync(frame);
            while (await page.ReceiveAsync() is { } message)
            {
                var type = message.RootElement.GetProperty("type").GetString();
                if (type == "queue")
                {
                    queue = message;
                }
                else if (type == "rate" && message.RootElement.GetProperty("refused").GetBoolean())
                {
                    // Too soon after the last frame: no result for this one; wait for the page's next turn.
                    await Task.Delay(TimeSpan.FromSeconds(1 / message.RootElement.GetProperty("max_fps").GetDouble()), TestContext.Current.CancellationToken);
                    break;
                }
                else if (type == "frame")
                {
                    Assert.Single(message.RootElement.GetProperty("faces").EnumerateArray());
                    emotion = message.RootElement.GetProperty("emotion").GetString();
                    break;
                }
            }
        }

        Assert.NotNull(queue);
        Assert.Equal("happy", emotion);
        var now = queue.RootElement.GetProperty("now");
        Assert.Equal(4, queue.RootElement.GetProperty("next").GetArrayLength());
        Assert.True(now.GetProperty("valence").GetDouble() > 0.6, "a happy face gets happy music");
        Assert.True(now.GetProperty("duration_s").GetInt32() > 0);
        Assert.Equal("match", queue.RootElement.GetProperty("strategy").GetString());

        // Skipping the playing track replaces it at once; a strategy change re-plans what comes next.
        await page.SendTextAsync($$"""{"type":"skip","artist":{{JsonSerializer.Serialize(now.GetProperty("artist").GetString())}},"title":{{JsonSerializer.Serialize(now.GetProperty("title").GetString())}}}""");
        var afterSkip = await page.ReceiveAsync("queue");
        Assert.NotEqual(now.GetProperty("title").GetString(), afterSkip!.RootElement.GetProperty("now").GetProperty("title").GetString());

        await page.SendTextAsync("""{"type":"strategy","value":"uplift"}""");
        var uplift = await page.ReceiveAsync("queue");
        Assert.Equal("uplift", uplift!.RootElement.GetProperty("strategy").GetString());

        await page.SendTextAsync("""{"type":"filter","language":"es"}""");
        var spanish = await page.ReceiveAsync("queue");
        Assert.All(spanish!.RootElement.GetProperty("next").EnumerateArray(), t => Assert.Equal("es", t.GetProperty("language").GetString()));

        // A filter the catalogue cannot meet is a broken page, refused like any other bad control message.
        await page.SendTextAsync("""{"type":"filter","genre":"polka"}""");
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await page.ClosedAsync());
        Assert.Contains("unknown genre 'polka'", page.Socket.CloseStatusDescription);
    }

    [Fact]
    public async Task An_oversized_message_closes_the_socket_with_message_too_big()
    {
        await using var app = await WebAppFixture.StartAsync(web => web.MaxFrameBytes = 4096);
        using var page = await PageClient.ConnectAsync(app);

        await page.SendFrameAsync(new byte[10_000]);

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await page.ClosedAsync());
    }

    [Fact]
    public async Task Frames_beyond_the_rate_and_its_burst_are_answered_with_the_rate_not_processed()
    {
        await using var app = await WebAppFixture.StartAsync(web => web.MaxFramesPerSecond = 0.5);
        using var page = await PageClient.ConnectAsync(app);
        (await page.ReceiveAsync())!.Dispose();
        var frame = WebAppFixture.FaceJpeg();

        var types = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            await page.SendFrameAsync(frame);
            types.Add((await page.ReceiveAsync())!.RootElement.GetProperty("type").GetString()!);
        }

        Assert.Equal(["frame", "frame", "frame", "rate", "rate"], types);
    }

    [Fact]
    public async Task Twenty_sessions_at_once_all_get_answers_while_a_bad_client_is_shut_out()
    {
        await using var app = await WebAppFixture.StartAsync(web => { web.MaxFramesPerSecond = 60; web.MaxSessions = 32; web.MaxSessionsPerClient = 32; });
        var frame = WebAppFixture.FaceJpeg();

        async Task<int> GoodClient()
        {
            using var page = await PageClient.ConnectAsync(app);
            var answers = 0;
            for (var i = 0; i < 3; i++)
            {
                await page.SendFrameAsync(frame);
                answers += await page.ReceiveAsync("frame") is null ? 0 : 1;
            }
            return answers;
        }

        async Task<WebSocketCloseStatus?> BadClient()
        {
            using var page = await PageClient.ConnectAsync(app);
            await page.SendFrameAsync([0xff, 0xd8, 0x00]);
            return await page.ClosedAsync();
        }

        var bad = BadClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => GoodClient()));

        Assert.All(answers, a => Assert.Equal(3, a));
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, await bad);
    }
}
