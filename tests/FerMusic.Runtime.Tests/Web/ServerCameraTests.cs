using System.Net.WebSockets;
using System.Text.Json;
using FerMusic.Runtime.Web;
using FerMusic.Tests;

namespace FerMusic.Runtime.Tests.Web;

/// <summary>Server camera mode: the server reads a video, streams it as MJPEG and pushes its results to every page.</summary>
public sealed class ServerCameraTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Clip => SharedData.Require(Path.Combine(SharedData.Root, "data", "faces", "short_hamilton_clip.mp4"));

    [Fact]
    public async Task Pages_get_the_cameras_results_and_the_stream_is_MJPEG()
    {
        await using var app = await WebAppFixture.StartAsync(new WebOptions { Source = Clip });
        var client = app.Server.CreateClient();

        using var config = JsonDocument.Parse(await client.GetStringAsync("/api/config", Cancel));
        Assert.Equal("server", config.RootElement.GetProperty("mode").GetString());

        using var stream = await client.GetAsync("/stream.mjpg", HttpCompletionOption.ResponseHeadersRead, Cancel);
        Assert.StartsWith("multipart/x-mixed-replace", stream.Content.Headers.ContentType!.ToString());
        await using var body = await stream.Content.ReadAsStreamAsync(Cancel);
        var start = new byte[256];
        var read = await body.ReadAtLeastAsync(start, 100, cancellationToken: Cancel);
        var text = System.Text.Encoding.ASCII.GetString(start, 0, read);
        Assert.Contains("Content-Type: image/jpeg", text);

        using var socket = await app.Server.CreateWebSocketClient().ConnectAsync(new Uri(app.Server.BaseAddress, "ws"), Cancel);
        var buffer = new byte[256 * 1024];
        var result = await socket.ReceiveAsync(buffer, Cancel);
        using var message = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
        Assert.Equal("frame", message.RootElement.GetProperty("type").GetString());
        Assert.True(message.RootElement.TryGetProperty("faces", out _));
    }

    [Fact]
    public async Task Frames_from_the_page_are_refused_in_server_camera_mode()
    {
        await using var app = await WebAppFixture.StartAsync(new WebOptions { Source = Clip });
        using var socket = await app.Server.CreateWebSocketClient().ConnectAsync(new Uri(app.Server.BaseAddress, "ws"), Cancel);

        await socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, Cancel);
        var buffer = new byte[256 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, Cancel);
        }
        while (result.MessageType != WebSocketMessageType.Close);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
    }
}
