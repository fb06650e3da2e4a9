using System.Diagnostics;
using System.Net.WebSockets;
using FerMusic.Runtime.Pipeline;
using FerMusic.Runtime.Web.Capacity;
using FerMusic.Runtime.Web.Frames;
using FerMusic.Runtime.Web.Observability;
using FerMusic.Runtime.Web.Protocol;
using OpenCvSharp;

namespace FerMusic.Runtime.Web.Sessions;

/// <summary>
/// A page using its own camera: it sends JPEG or PNG frames, one at a time, and gets each frame's result back. The
/// session has its own pipeline (detector, smoother) and listener; nothing mutable is shared with other sessions.
/// Frames are paced by a token bucket at the page's share of the machine; a frame's size is checked from its header
/// before it is decoded. Anything the protocol does not allow closes the session with a reason.
/// </summary>
public sealed class BrowserCameraSession(PageSocket socket, EmotionPipeline pipeline, Listener listener, FrameBudget budget,
    WebOptions options, WebMetrics metrics, TimeProvider time)
{
    private const double Burst = 3;

    public async Task RunAsync(CancellationToken cancellation)
    {
        using var frame = new Mat();
        var bucket = new TokenBucket(budget.PerPage, Burst, time);
        var start = time.GetTimestamp();
        await socket.SendAsync(new RateMessage(Math.Round(bucket.Rate, 2)), ProtocolJson.Default.RateMessage, cancellation);
        await using var idle = new IdleWatch(socket, options.IdleTimeout, time);
        while (socket.IsOpen && !cancellation.IsCancellationRequested)
        {
            var (kind, length) = await socket.ReceiveAsync(cancellation);
            idle.Touch();
            switch (kind)
            {
                case Incoming.Closed:
                    await socket.AcknowledgeCloseAsync(cancellation);
                    return;
                case Incoming.TooBig:
                    metrics.Refused("too large");
                    await CloseAsync(WebSocketCloseStatus.MessageTooBig, $"messages are limited to {options.MaxFrameBytes} bytes", cancellation);
                    return;
                case Incoming.Text:
                    if (await listener.HandleControlAsync(ProtocolJson.ParseControl(socket.Payload(length)), cancellation) is { } problem)
                    {
                        await CloseAsync(WebSocketCloseStatus.PolicyViolation, problem, cancellation);
                        return;
                    }
                    continue;
            }
            if (!bucket.TryTake())
            {
                metrics.Refused("rate");
                await socket.SendAsync(new RateMessage(Math.Round(bucket.Rate, 2), Refused: true), ProtocolJson.Default.RateMessage, cancellation);
                continue;
            }
            var decodeStart = Stopwatch.GetTimestamp();
            if (Decode(socket.Payload(length), frame) is { } bad)
            {
                metrics.Refused(bad.Reason);
                await CloseAsync(bad.Status, bad.Message, cancellation);
                return;
            }
            var decoded = Stopwatch.GetElapsedTime(decodeStart).TotalMilliseconds;
            var report = pipeline.Process(frame, time.GetElapsedTime(start).TotalSeconds);
            budget.FrameDone();
            metrics.Processed(decoded, report.Times.Detect, report.Times.Classify, decoded + report.Times.Total);
            await listener.SendFrameAsync(report, pipeline.Labels, report.Changed, cancellation);
            if (Math.Abs(budget.PerPage - bucket.Rate) > 0.1 * bucket.Rate)
            {
                bucket.Rate = budget.PerPage;
                await socket.SendAsync(new RateMessage(Math.Round(bucket.Rate, 2)), ProtocolJson.Default.RateMessage, cancellation);
            }
        }
    }

    private sealed record BadFrame(WebSocketCloseStatus Status, string Reason, string Message);

    /// <summary>Decodes a frame whose header says it is a JPEG or PNG within the size limits; null when it worked.</summary>
    private BadFrame? Decode(ReadOnlySpan<byte> bytes, Mat frame)
    {
        if (bytes.Length == 0)
        {
            return new(WebSocketCloseStatus.InvalidPayloadData, "empty", "an empty frame; frames are JPEG or PNG images");
        }
        if (!FrameHeader.TryRead(bytes, out var header))
        {
            return new(WebSocketCloseStatus.InvalidPayloadData, "not an image", "a frame that is not a JPEG or PNG image");
        }
        if (header.Width > options.MaxFrameWidth || header.Height > options.MaxFrameHeight)
        {
            return new(WebSocketCloseStatus.MessageTooBig, "too many pixels",
                $"frames are limited to {options.MaxFrameWidth}x{options.MaxFrameHeight}; this {header.Format} is {header.Width}x{header.Height}");
        }
        using var decoded = Cv2.ImDecode(bytes, ImreadModes.Color);
        if (decoded.Empty() || decoded.Width != header.Width || decoded.Height != header.Height)
        {
            return new(WebSocketCloseStatus.InvalidPayloadData, "undecodable", $"a {header.Format} frame that cannot be decoded");
        }
        decoded.CopyTo(frame);
        return null;
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string reason, CancellationToken cancellation)
    {
        await socket.CloseAsync(status, reason, cancellation);
        await socket.DrainUntilClosedAsync(TimeSpan.FromSeconds(2), time);
    }
}
