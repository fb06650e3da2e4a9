using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using FerMusic.Runtime.Capture;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Pipeline;
using OpenCvSharp;

namespace FerMusic.Runtime.Web;

/// <summary>
/// Server camera mode: one capture and one pipeline on the server, whose annotated frames are streamed as MJPEG
/// and whose results go to every page. Each page still picks its own music (strategy, likes, skips).
/// A video file plays like a camera, at its own frame rate and over and over.
/// </summary>
public sealed class ServerCamera : IDisposable
{
    private readonly LatestFrameCapture _capture;
    private readonly EmotionPipeline _pipeline;
    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[] _jpeg = [];
    private FrameReport? _report;
    private long _sequence;
    private long _changes;
    private int _viewers;

    public ServerCamera(PipelineFactory factory, string source)
    {
        _pipeline = factory.Create(new PipelineOptions());
        _capture = new LatestFrameCapture(() => LoopingPlayback.OpenAsCamera(source));
        _capture.StateChanged += (state, detail) => CaptureStatus = detail is null ? state.ToString() : $"{state}: {detail}";
        _capture.Start();
        _thread = new Thread(Run) { IsBackground = true, Name = "server camera" };
        _thread.Start();
    }

    public string CaptureStatus { get; private set; } = "Starting";

    private void Run()
    {
        using var frame = new Mat();
        var clock = Stopwatch.StartNew();
        long seen = 0;
        while (!_stop.IsCancellationRequested)
        {
            if (!_capture.TryGetLatest(frame, ref seen))
            {
                if (_capture.State is CaptureState.Ended or CaptureState.Failed)
                {
                    return;
                }
                Thread.Sleep(2);
                continue;
            }
            var report = _pipeline.Process(frame, clock.Elapsed.TotalSeconds);
            // Annotating and encoding is only worth it while somebody watches the stream.
            var jpeg = Volatile.Read(ref _viewers) > 0 ? Annotated(frame, report) : _jpeg;
            TaskCompletionSource next;
            lock (_gate)
            {
                _jpeg = jpeg;
                _report = report;
                _sequence++;
                _changes += report.Changed ? 1 : 0;
                next = _next;
                _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            next.TrySetResult();
        }
    }

    private static byte[] Annotated(Mat frame, FrameReport report)
    {
        foreach (var face in report.Faces)
        {
            Cv2.Rectangle(frame, new Rect(face.Box.X, face.Box.Y, face.Box.Width, face.Box.Height), Scalar.LimeGreen, 2);
        }
        return frame.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 75));
    }

    private (byte[] Jpeg, FrameReport? Report, long Sequence, long Changes, Task Next) Snapshot()
    {
        lock (_gate)
        {
            return (_jpeg, _report, _sequence, _changes, _next.Task);
        }
    }

    public async Task StreamMjpegAsync(HttpResponse response, CancellationToken cancellation)
    {
        const string boundary = "fermusicframe";
        response.ContentType = $"multipart/x-mixed-replace; boundary={boundary}";
        Interlocked.Increment(ref _viewers);
        try
        {
            await StreamFramesAsync(response, boundary, cancellation);
        }
        finally
        {
            Interlocked.Decrement(ref _viewers);
        }
    }

    private async Task StreamFramesAsync(HttpResponse response, string boundary, CancellationToken cancellation)
    {
        long sent = 0;
        while (!cancellation.IsCancellationRequested)
        {
            var (jpeg, _, sequence, _, next) = Snapshot();
            if (sequence == sent || jpeg.Length == 0)
            {
                await next.WaitAsync(cancellation);
                continue;
            }
            sent = sequence;
            var header = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {jpeg.Length}\r\n\r\n");
            await response.Body.WriteAsync(header, cancellation);
            await response.Body.WriteAsync(jpeg, cancellation);
            await response.Body.WriteAsync("\r\n"u8.ToArray(), cancellation);
            await response.Body.FlushAsync(cancellation);
        }
    }

    /// <summary>Sends the camera's results to one page at most at the frame-rate limit, with that page's own music.</summary>
    public async Task ServeAsync(WebSocket socket, PipelineFactory factory, WebOptions options, CancellationToken cancellation)
    {
        var music = new MusicPicker(factory.Recommender, _pipeline.Music.Strategy, _pipeline.Options.Tracks);
        var reader = new SocketReader(socket, 4096);
        var send = new SerializedSender(socket);
        var controls = ReadControlsAsync(reader, socket, send, music, factory.Catalog, cancellation);
        long sent = 0, changesSeen = 0;
        var interval = TimeSpan.FromSeconds(1 / options.MaxFramesPerSecond);
        while (socket.State == WebSocketState.Open && !controls.IsCompleted)
        {
            var (_, report, sequence, changes, next) = Snapshot();
            if (report is null || sequence == sent)
            {
                await Task.WhenAny(next, controls, Task.Delay(TimeSpan.FromSeconds(1), cancellation));
                continue;
            }
            sent = sequence;
            IReadOnlyList<Track>? tracks = null;
            if (changes != changesSeen && report.State.Status == Smoothing.EmotionStatus.Emotion && report.Mood is { } mood)
            {
                tracks = music.Pick(mood);
            }
            changesSeen = changes;
            await send.SendAsync(SocketMessages.Frame(report with { Changed = tracks is not null }, _pipeline.Labels, tracks), cancellation);
            await Task.Delay(interval, cancellation);
        }
    }

    private async Task ReadControlsAsync(SocketReader reader, WebSocket socket, SerializedSender send, MusicPicker music, MusicCatalog catalog, CancellationToken cancellation)
    {
        while (socket.State == WebSocketState.Open)
        {
            var message = await reader.ReadAsync(cancellation);
            if (message is { Type: WebSocketMessageType.Close })
            {
                return;
            }
            if (message is not { Type: WebSocketMessageType.Text })
            {
                await send.CloseAsync(WebSocketCloseStatus.PolicyViolation, "in server camera mode the page sends only control messages", cancellation);
                return;
            }
            var control = SocketMessages.ParseControl(reader.Message(message.Value.Length));
            if (control is { Type: "strategy" } && Enum.TryParse<Mood.MusicStrategy>(control.Value, true, out var strategy))
            {
                music.Strategy = strategy;
                if (Snapshot().Report?.Mood is { } mood)
                {
                    await send.SendAsync(SocketMessages.Playlist(strategy.ToString().ToLowerInvariant(), music.Pick(mood)), cancellation);
                }
            }
            else if (control is { Type: "like" or "skip" } && catalog.Tracks.FirstOrDefault(t => t.Artist == control.Artist && t.Title == control.Title) is { } track)
            {
                if (control.Type == "like")
                {
                    music.Session.Like(track);
                }
                else
                {
                    music.Session.Skip(track);
                }
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join(TimeSpan.FromSeconds(2));
        _capture.Dispose();
        _pipeline.Dispose();
    }
}
