using System.Diagnostics;
using System.Net.WebSockets;
using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Pipeline;
using FerMusic.Runtime.Spotify;
using OpenCvSharp;

namespace FerMusic.Runtime.Web;

/// <summary>
/// One page using its own camera: it sends JPEG frames over the socket, one at a time, and gets each frame's result
/// back. The session has its own pipeline (detector, smoother, listening session): nothing mutable is shared with
/// other sessions. Oversized or malformed frames are refused without affecting anyone else.
/// </summary>
public sealed class BrowserCameraSession(WebSocket socket, PipelineFactory factory, MusicCatalog catalog, WebOptions options, SpotifyLinker? spotify = null)
{
    public async Task RunAsync(CancellationToken cancellation)
    {
        using var pipeline = factory.Create(new PipelineOptions());
        using var frame = new Mat();
        var reader = new SocketReader(socket, options.MaxFrameBytes);
        var send = new SerializedSender(socket);
        var clock = Stopwatch.StartNew();
        var minInterval = 1.0 / options.MaxFramesPerSecond;
        var lastProcessed = double.NegativeInfinity;
        var badFrames = 0;
        Mood.Affect? lastMood = null;

        while (socket.State == WebSocketState.Open && !cancellation.IsCancellationRequested)
        {
            var message = await reader.ReadAsync(cancellation);
            if (message is null)
            {
                await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, $"frames are limited to {options.MaxFrameBytes} bytes", cancellation);
                return;
            }
            var (type, length) = message.Value;
            if (type == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellation);
                return;
            }
            if (type == WebSocketMessageType.Text)
            {
                await ControlAsync(send, SocketMessages.ParseControl(reader.Message(length)), pipeline.Music, lastMood, cancellation);
                continue;
            }

            var now = clock.Elapsed.TotalSeconds;
            if (now - lastProcessed < minInterval)
            {
                await send.SendAsync(SocketMessages.Throttled(options.MaxFramesPerSecond), cancellation);
                continue;
            }
            if (!Decode(reader.Message(length), frame, out var problem))
            {
                if (++badFrames >= options.MaxBadFrames)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.InvalidPayloadData, $"{badFrames} malformed frames in a row", cancellation);
                    return;
                }
                await send.SendAsync(SocketMessages.Error(problem!), cancellation);
                continue;
            }
            badFrames = 0;
            lastProcessed = now;
            var report = pipeline.Process(frame, now);
            lastMood = report.Mood ?? lastMood;
            var tracks = report.Tracks is { } picked && spotify is not null ? await spotify.LinkAsync(picked, cancellation) : report.Tracks;
            await send.SendAsync(SocketMessages.Frame(report, pipeline.Labels, tracks), cancellation);
        }
    }

    private bool Decode(ReadOnlySpan<byte> bytes, Mat frame, out string? problem)
    {
        problem = null;
        using var decoded = Cv2.ImDecode(bytes, ImreadModes.Color);
        if (decoded.Empty())
        {
            problem = "the frame is not a JPEG or PNG image";
            return false;
        }
        if (decoded.Width > options.MaxFrameWidth || decoded.Height > options.MaxFrameHeight)
        {
            problem = $"frames are limited to {options.MaxFrameWidth}x{options.MaxFrameHeight}, got {decoded.Width}x{decoded.Height}";
            return false;
        }
        decoded.CopyTo(frame);
        return true;
    }

    private async Task ControlAsync(SerializedSender send, SocketMessages.Control? control, MusicPicker music, Mood.Affect? mood, CancellationToken cancellation)
    {
        switch (control)
        {
            case { Type: "strategy" } when Enum.TryParse<MusicStrategy>(control.Value, ignoreCase: true, out var strategy):
                music.Strategy = strategy;
                if (mood is { } current)
                {
                    await send.SendAsync(SocketMessages.Playlist(strategy.ToString().ToLowerInvariant(), music.Pick(current)), cancellation);
                }
                break;
            case { Type: "like" or "skip" } when Find(control) is { } track:
                if (control.Type == "like")
                {
                    music.Session.Like(track);
                }
                else
                {
                    music.Session.Skip(track);
                }
                break;
            default:
                await send.SendAsync(SocketMessages.Error("unknown message; expected {\"type\":\"strategy\",\"value\":\"match|uplift|iso\"} or like/skip with artist and title"), cancellation);
                break;
        }
    }

    private Track? Find(SocketMessages.Control control) =>
        catalog.Tracks.FirstOrDefault(t => t.Artist == control.Artist && t.Title == control.Title);
}
