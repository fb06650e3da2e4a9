using System.Net.WebSockets;
using System.Text.Json;
using FerMusic.Runtime.Web;
using FerMusic.Tests;
using OpenCvSharp;

namespace FerMusic.Runtime.Tests.Web;

/// <summary>Server camera mode: the server reads a video, streams it as MJPEG and pushes its results to every page.</summary>
public sealed class ServerCameraTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Clip => SharedData.Require(Path.Combine(SharedData.Root, "data", "faces", "short_hamilton_clip.mp4"));

    [Fact]
    public async Task Pages_get_the_cameras_results_and_the_stream_is_MJPEG()
    {
        await using var app = await WebAppFixture.StartAsync(web => web.Source = Clip);
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

        using var page = await PageClient.ConnectAsync(app);
        using var capture = await page.ReceiveAsync("capture");
        Assert.Contains(capture!.RootElement.GetProperty("state").GetString(), new[] { "starting", "running" });
        using var message = await page.ReceiveAsync("frame");
        Assert.True(message!.RootElement.TryGetProperty("faces", out _));
    }

    [Fact]
    public async Task A_stream_opened_after_the_video_has_played_through_still_gets_frames()
    {
        using var temp = new TempDirectory();
        var video = temp.File("short.avi");
        using (var writer = new VideoWriter(video, FourCC.MJPG, 250, new Size(64, 48)))
        using (var frame = new Mat(48, 64, MatType.CV_8UC3, Scalar.All(90)))
        {
            for (var i = 0; i < 5; i++)
            {
                writer.Write(frame);
            }
        }
        await using var app = await WebAppFixture.StartAsync(web => web.Source = video);
        // Five frames at 250 fps last 20 ms: wait until the capture has looped past its end at least once.
        var camera = app.App.Services.GetRequiredService<ServerCamera>();
        for (var next = camera.Snapshot(); (next.Latest?.Sequence ?? 0) < 8; next = camera.Snapshot())
        {
            await next.Next.WaitAsync(Cancel);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var stream = await app.Server.CreateClient().GetAsync("/stream.mjpg", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await using var body = await stream.Content.ReadAsStreamAsync(timeout.Token);
        var start = new byte[256];
        var read = await body.ReadAtLeastAsync(start, 100, cancellationToken: timeout.Token);

        Assert.Contains("Content-Type: image/jpeg", System.Text.Encoding.ASCII.GetString(start, 0, read));
    }

    [Fact]
    public async Task Frames_from_the_page_are_refused_in_server_camera_mode()
    {
        await using var app = await WebAppFixture.StartAsync(web => web.Source = Clip);
        using var page = await PageClient.ConnectAsync(app);

        await page.SendFrameAsync([1, 2, 3]);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await page.ClosedAsync());
        Assert.Contains("only control messages", page.Socket.CloseStatusDescription);
    }
}
