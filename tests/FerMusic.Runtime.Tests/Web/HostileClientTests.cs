using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.IO.Hashing;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using FerMusic.Core.Numerics;
using Microsoft.Extensions.Time.Testing;

namespace FerMusic.Runtime.Tests.Web;

/// <summary>
/// What an attacker or a broken client can do to the web app, and what it must not achieve: memory blown up by a
/// picture's claimed size, another site reading the camera results, a foreign Host served, idle sockets locking pages
/// out, a stack trace for a bad message, or one page's abuse costing the others their service.
/// </summary>
public sealed class HostileClientTests(ITestOutputHelper output)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A real PNG, 1 bit per pixel, that claims <paramref name="side"/> x <paramref name="side"/> pixels: about 130 KB for 32768.</summary>
    private static byte[] PngBomb(int side)
    {
        using var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + side / 8];
            for (var y = 0; y < side; y++)
            {
                zlib.Write(row);
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, side);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), side);
        ihdr[8] = 1; // bit depth
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, header.AsSpan(4));
        png.Write(header);
        png.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32([.. header.AsSpan(4), .. data]));
        png.Write(crc);
    }

    /// <summary>A JPEG header that claims 65500 x 65500 pixels, followed by little else.</summary>
    private static byte[] JpegBomb() =>
    [
        0xFF, 0xD8,
        0xFF, 0xC0, 0x00, 0x11, 0x08, 0xFF, 0xDC, 0xFF, 0xDC, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
        0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00,
        .. new byte[4096],
        0xFF, 0xD9,
    ];

    private static long PrivateMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return process.PrivateMemorySize64;
    }

    [Fact]
    public async Task Dimension_bombs_are_refused_from_their_header_without_the_memory_their_pixels_would_take()
    {
        var png = PngBomb(32768);
        Assert.InRange(png.Length, 1000, 400_000);
        await using var app = await WebAppFixture.StartAsync(web => web.MaxSessionsPerClient = 16);
        var before = PrivateMemory();

        async Task<(WebSocketCloseStatus? Status, string? Reason)> Send(byte[] bomb)
        {
            using var page = await PageClient.ConnectAsync(app);
            await page.SendFrameAsync(bomb);
            var status = await page.ClosedAsync();
            return (status, page.Socket.CloseStatusDescription);
        }

        var results = await Task.WhenAll([.. Enumerable.Range(0, 4).Select(_ => Send(png)), .. Enumerable.Range(0, 4).Select(_ => Send(JpegBomb()))]);
        var grown = PrivateMemory() - before;

        output.WriteLine($"private memory grew by {grown / 1e6:0.0} MB over 8 bombs");
        Assert.All(results, r => Assert.Equal(WebSocketCloseStatus.MessageTooBig, r.Status));
        Assert.Contains(results, r => r.Reason!.Contains("this png is 32768x32768", StringComparison.Ordinal));
        Assert.Contains(results, r => r.Reason!.Contains("this jpeg is 65500x65500", StringComparison.Ordinal));
        Assert.True(grown < 100_000_000, $"memory grew by {grown / 1e6:0} MB");
    }

    public static TheoryData<string, byte[]?, WebSocketCloseStatus, string> BadMessages => new()
    {
        { "zero-length frame", [], WebSocketCloseStatus.InvalidPayloadData, "empty frame" },
        { "text that is not JSON", null, WebSocketCloseStatus.PolicyViolation, "unknown message" },
        { "a numeric strategy", null, WebSocketCloseStatus.PolicyViolation, "unknown strategy '7'" },
        { "an unknown type", null, WebSocketCloseStatus.PolicyViolation, "unknown message" },
        { "a frame that is not an image", [1, 2, 3, 4, 5], WebSocketCloseStatus.InvalidPayloadData, "not a JPEG or PNG" },
    };

    [Theory]
    [MemberData(nameof(BadMessages))]
    public async Task A_bad_message_closes_that_session_with_a_reason_and_everyone_else_is_served_on(string what, byte[]? frame, WebSocketCloseStatus status, string reason)
    {
        await using var app = await WebAppFixture.StartAsync();
        using var bystander = await PageClient.ConnectAsync(app);
        using var attacker = await PageClient.ConnectAsync(app);

        if (frame is not null)
        {
            await attacker.SendFrameAsync(frame);
        }
        else
        {
            await attacker.SendTextAsync(what switch
            {
                "text that is not JSON" => "{not json",
                "a numeric strategy" => """{"type":"strategy","value":"7"}""",
                _ => """{"type":"rm -rf"}""",
            });
        }

        Assert.Equal(status, await attacker.ClosedAsync());
        Assert.Contains(reason, attacker.Socket.CloseStatusDescription);
        await bystander.SendFrameAsync(WebAppFixture.FaceJpeg());
        Assert.NotNull(await bystander.ReceiveAsync("frame"));
    }

    [Fact]
    public async Task Another_sites_page_may_not_open_the_socket_or_the_stream()
    {
        await using var app = await WebAppFixture.StartAsync();
        var client = app.Server.CreateClient();

        var socket = app.Server.CreateWebSocketClient();
        socket.ConfigureRequest = request => request.Headers.Origin = "http://evil.example";
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => socket.ConnectAsync(new Uri(app.Server.BaseAddress, "ws"), Cancel));
        Assert.Contains("403", refused.Message);

        foreach (var (header, value) in new[] { ("Origin", "http://evil.example"), ("Sec-Fetch-Site", "cross-site") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/stream.mjpg");
            request.Headers.Add(header, value);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(request, Cancel)).StatusCode);
        }

        using var own = await PageClient.ConnectAsync(app, origin: "http://localhost");
        Assert.NotNull(await own.ReceiveAsync("rate"));
    }

    [Fact]
    public async Task An_allowed_origin_from_the_configuration_gets_in()
    {
        await using var app = await WebAppFixture.StartAsync(web => web.AllowedOrigins = ["https://music.example"]);

        using var page = await PageClient.ConnectAsync(app, origin: "https://music.example");

        Assert.NotNull(await page.ReceiveAsync("rate"));
    }

    [Fact]
    public async Task A_foreign_Host_header_is_refused()
    {
        await using var app = await WebAppFixture.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "evil.example";

        var response = await app.Server.CreateClient().SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_page_is_served_with_headers_that_forbid_framing_sniffing_and_foreign_scripts()
    {
        await using var app = await WebAppFixture.StartAsync();

        var response = await app.Server.CreateClient().GetAsync("/", Cancel);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self' https://open.spotify.com;", csp);
        Assert.Contains("frame-src https://open.spotify.com", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Idle_sockets_are_closed_after_the_timeout_and_new_pages_get_in()
    {
        var time = new FakeTimeProvider();
        await using var app = await WebAppFixture.StartAsync(web => { web.IdleTimeoutSeconds = 30; web.MaxSessions = 1; }, time: time);
        using var idle = await PageClient.ConnectAsync(app);
        Assert.NotNull(await idle.ReceiveAsync("rate"));

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => PageClient.ConnectAsync(app));
        Assert.Contains("503", refused.Message);
        time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await idle.ClosedAsync());
        Assert.Contains("idle for 30 s", idle.Socket.CloseStatusDescription);
        using var next = await ConnectWhenFreeAsync(app);
        Assert.NotNull(await next.ReceiveAsync("rate"));
    }

    /// <summary>The session's end (and its freed place) follows its close by a moment: retry on 503 a few times.</summary>
    private static async Task<PageClient> ConnectWhenFreeAsync(WebAppFixture app)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await PageClient.ConnectAsync(app);
            }
            catch (Exception e) when (e.Message.Contains("503") && attempt < 50)
            {
                await Task.Yield();
                await Task.Delay(10, Cancel);
            }
        }
    }

    [Fact]
    public async Task One_client_address_cannot_take_every_place()
    {
        await using var app = await WebAppFixture.StartAsync(web => { web.MaxSessions = 10; web.MaxSessionsPerClient = 2; });
        using var first = await PageClient.ConnectAsync(app);
        using var second = await PageClient.ConnectAsync(app);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => PageClient.ConnectAsync(app));

        Assert.Contains("503", refused.Message);
    }

    [Fact]
    public async Task Fifty_pages_at_their_advertised_rate_lose_no_frame_to_pacing()
    {
        var time = new FakeTimeProvider();
        await using var app = await WebAppFixture.StartAsync(web => { web.MaxSessions = 64; web.MaxSessionsPerClient = 64; web.MaxFramesPerSecond = 10; }, time: time);
        var frame = WebAppFixture.FaceJpeg();
        var pages = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PageClient.ConnectAsync(app)));
        foreach (var page in pages)
        {
            (await page.ReceiveAsync("rate"))!.Dispose();
        }
        var rate = JsonDocument.Parse(await app.Server.CreateClient().GetStringAsync("/api/config", Cancel)).RootElement.GetProperty("max_fps").GetDouble();
        var latencies = new List<double>();
        var refused = 0;

        for (var round = 0; round < 6; round++)
        {
            var answers = await Task.WhenAll(pages.Select(async page =>
            {
                var sent = Stopwatch.GetTimestamp();
                await page.SendFrameAsync(frame);
                while (true)
                {
                    using var message = await page.ReceiveAsync();
                    var type = message!.RootElement.GetProperty("type").GetString();
                    if (type == "frame")
                    {
                        return (Refused: false, Milliseconds: Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    }
                    if (type == "rate" && message.RootElement.GetProperty("refused").GetBoolean())
                    {
                        return (Refused: true, Milliseconds: 0.0);
                    }
                }
            }));
            refused += answers.Count(a => a.Refused);
            latencies.AddRange(answers.Where(a => !a.Refused).Select(a => a.Milliseconds));
            // Every page waits the advertised interval before its next frame.
            rate = JsonDocument.Parse(await app.Server.CreateClient().GetStringAsync("/api/config", Cancel)).RootElement.GetProperty("max_fps").GetDouble();
            time.Advance(TimeSpan.FromSeconds(1 / rate));
        }

        latencies.Sort();
        output.WriteLine($"50 pages at {rate:0.0} frames/s each: p50 {Quantiles.OfSorted(latencies, 0.5):0} ms, p95 {Quantiles.OfSorted(latencies, 0.95):0} ms");
        Assert.Equal(0, refused);
        Assert.Equal(300, latencies.Count);
        foreach (var page in pages)
        {
            page.Dispose();
        }
    }
}
