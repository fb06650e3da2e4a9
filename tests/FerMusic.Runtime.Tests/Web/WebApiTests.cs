using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using FerMusic.Runtime.Web;
using FerMusic.Tests;

namespace FerMusic.Runtime.Tests.Web;

public sealed class WebApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<WebSocket> ConnectAsync(WebAppFixture app) =>
        await app.Server.CreateWebSocketClient().ConnectAsync(new Uri(app.Server.BaseAddress, "ws"), Cancel);

    private static async Task<JsonDocument?> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[256 * 1024];
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), Cancel);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            length += result.Count;
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(buffer.AsMemory(0, length));
            }
        }
    }

    private static Task SendFrameAsync(WebSocket socket, byte[] frame) =>
        socket.SendAsync(frame, WebSocketMessageType.Binary, true, Cancel);

    private static Task SendTextAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, Cancel);

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
    public async Task A_frame_comes_back_with_faces_emotion_and_a_playlist_once_the_emotion_holds()
    {
        SharedData.Require(Path.Combine(SharedData.Root, "data", "faces", "obama.jpg"));
        await using var app = await WebAppFixture.StartAsync(new WebOptions { MaxFramesPerSecond = 1000 });
        using var socket = await ConnectAsync(app);
        var frame = WebAppFixture.FaceJpeg();
        JsonDocument? withTracks = null;

        for (var i = 0; i < 40 && withTracks is null; i++)
        {
            await SendFrameAsync(socket, frame);
            var message = await ReceiveAsync(socket);
            Assert.Equal("frame", message!.RootElement.GetProperty("type").GetString());
            Assert.Single(message.RootElement.GetProperty("faces").EnumerateArray());
            if (message.RootElement.GetProperty("tracks").ValueKind == JsonValueKind.Array)
            {
                withTracks = message;
            }
            await Task.Delay(30, Cancel);
        }

        Assert.NotNull(withTracks);
        Assert.Equal("happy", withTracks.RootElement.GetProperty("emotion").GetString());
        Assert.Equal(10, withTracks.RootElement.GetProperty("tracks").GetArrayLength());

        await SendTextAsync(socket, """{"type":"strategy","value":"uplift"}""");
        var playlist = await ReceiveAsync(socket);
        Assert.Equal("playlist", playlist!.RootElement.GetProperty("type").GetString());
        var before = withTracks.RootElement.GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("title").GetString()).ToHashSet();
        Assert.DoesNotContain(playlist.RootElement.GetProperty("tracks").EnumerateArray(), t => before.Contains(t.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Garbage_frames_get_errors_and_then_the_socket_is_closed_with_a_reason()
    {
        await using var app = await WebAppFixture.StartAsync(new WebOptions { MaxFramesPerSecond = 1000, MaxBadFrames = 3 });
        using var socket = await ConnectAsync(app);

        for (var i = 0; i < 2; i++)
        {
            await SendFrameAsync(socket, Encoding.ASCII.GetBytes("definitely not a jpeg"));
            var error = await ReceiveAsync(socket);
            Assert.Equal("error", error!.RootElement.GetProperty("type").GetString());
            Assert.Contains("not a JPEG or PNG", error.RootElement.GetProperty("message").GetString());
        }
        await SendFrameAsync(socket, [1, 2, 3]);

        Assert.Null(await ReceiveAsync(socket));
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, socket.CloseStatus);
        Assert.Contains("malformed frames", socket.CloseStatusDescription);
    }

    [Fact]
    public async Task An_oversized_frame_closes_the_socket_with_message_too_big()
    {
        await using var app = await WebAppFixture.StartAsync(new WebOptions { MaxFrameBytes = 4096 });
        using var socket = await ConnectAsync(app);

        await SendFrameAsync(socket, new byte[10_000]);

        Assert.Null(await ReceiveAsync(socket));
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
    }

    [Fact]
    public async Task Frames_faster_than_the_limit_are_throttled_not_processed()
    {
        await using var app = await WebAppFixture.StartAsync(new WebOptions { MaxFramesPerSecond = 0.5 });
        using var socket = await ConnectAsync(app);
        var frame = WebAppFixture.FaceJpeg();

        await SendFrameAsync(socket, frame);
        var first = await ReceiveAsync(socket);
        await SendFrameAsync(socket, frame);
        var second = await ReceiveAsync(socket);

        Assert.Equal("frame", first!.RootElement.GetProperty("type").GetString());
        Assert.Equal("throttled", second!.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_unknown_control_message_gets_an_error_and_the_socket_stays_open()
    {
        await using var app = await WebAppFixture.StartAsync();
        using var socket = await ConnectAsync(app);

        await SendTextAsync(socket, "{not json");
        var error = await ReceiveAsync(socket);

        Assert.Equal("error", error!.RootElement.GetProperty("type").GetString());
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task Sessions_beyond_the_limit_are_refused_with_503()
    {
        await using var app = await WebAppFixture.StartAsync(new WebOptions { MaxSessions = 2 });
        using var first = await ConnectAsync(app);
        using var second = await ConnectAsync(app);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(app));

        Assert.Contains("503", error.Message);
    }

    [Fact]
    public async Task Twenty_sessions_at_once_all_get_answers_while_a_bad_client_is_shut_out()
    {
        await using var app = await WebAppFixture.StartAsync(new WebOptions { MaxFramesPerSecond = 1000, MaxBadFrames = 2 });
        var frame = WebAppFixture.FaceJpeg();

        async Task<int> GoodClient()
        {
            using var socket = await ConnectAsync(app);
            var answers = 0;
            for (var i = 0; i < 3; i++)
            {
                await SendFrameAsync(socket, frame);
                var message = await ReceiveAsync(socket);
                answers += message?.RootElement.GetProperty("type").GetString() == "frame" ? 1 : 0;
            }
            return answers;
        }

        async Task<WebSocketCloseStatus?> BadClient()
        {
            using var socket = await ConnectAsync(app);
            for (var i = 0; i < 5 && socket.State == WebSocketState.Open; i++)
            {
                await SendFrameAsync(socket, [0xff, 0xd8, 0x00]);
                await ReceiveAsync(socket);
            }
            return socket.CloseStatus;
        }

        var bad = BadClient();
        var good = Enumerable.Range(0, 20).Select(_ => GoodClient()).ToArray();
        var answers = await Task.WhenAll(good);

        Assert.All(answers, a => Assert.Equal(3, a));
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, await bad);
    }
}
