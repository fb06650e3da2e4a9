using System.Diagnostics;
using System.Text;
using FerMusic.Runtime.Capture;
using FerMusic.Runtime.Pipeline;
using OpenCvSharp;

namespace FerMusic.Runtime.Web;

/// <summary>One result of the server camera, numbered, with the count of emotion changes so far.</summary>
public sealed record CameraResult(long Sequence, long Changes, FrameReport Report);

/// <summary>
/// Server camera mode: one capture and one pipeline on the server. It streams its annotated frames as MJPEG while
/// somebody watches, and publishes each frame's result for the pages' sessions to await. The source is opened when the
/// camera is made, before the server listens, so a missing or unreadable source stops the start-up with its reason;
/// a video file plays like a camera, at its own frame rate and over and over.
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
    private CameraResult? _latest;
    private long _changes;
    private int _viewers;

    public ServerCamera(PipelineFactory factory, string source)
    {
        // Opening it once here turns a missing camera or file into an error before the server starts.
        LoopingPlayback.OpenAsCamera(source).Dispose();
        _pipeline = factory.Create(new PipelineOptions { PickMusic = false });
        _capture = new LatestFrameCapture(() => LoopingPlayback.OpenAsCamera(source));
        _capture.StateChanged += (state, detail) =>
        {
            lock (_gate)
            {
                CaptureState = (state, detail);
            }
            Publish();
        };
        _capture.Start();
        _thread = new Thread(Run) { IsBackground = true, Name = "server camera" };
        _thread.Start();
    }

    /// <summary>The capture's state (starting, running, reconnecting, ended, failed) and what is wrong, if anything.</summary>
    public (CaptureState State, string? Detail) CaptureState { get; private set; } = (Capture.CaptureState.Starting, null);

    public IReadOnlyList<string> Labels => _pipeline.Labels;

    /// <summary>Whether the source is giving frames (for the health check).</summary>
    public bool IsLive => CaptureState.State is Capture.CaptureState.Running or Capture.CaptureState.Starting;

    private void Run()
    {
        try
        {
            Loop();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A background thread that throws ends the process; the pages are told the camera failed instead.
            lock (_gate)
            {
                CaptureState = (Capture.CaptureState.Failed, $"the server camera stopped: {e.Message}");
            }
            Publish();
        }
    }

    private void Loop()
    {
        using var frame = new Mat();
        var clock = Stopwatch.StartNew();
        long seen = 0;
        while (!_stop.IsCancellationRequested)
        {
            if (!_capture.WaitForFrame(seen, TimeSpan.FromSeconds(1), _stop.Token) || !_capture.TryGetLatest(frame, ref seen))
            {
                if (_capture.State is Capture.CaptureState.Ended or Capture.CaptureState.Failed)
                {
                    return;
                }
                continue;
            }
            var report = _pipeline.Process(frame, clock.Elapsed.TotalSeconds);
            // Annotating and encoding is only worth it while somebody watches the stream.
            var jpeg = Volatile.Read(ref _viewers) > 0 ? Annotated(frame, report) : null;
            lock (_gate)
            {
                _jpeg = jpeg ?? _jpeg;
                _changes += report.Changed ? 1 : 0;
                _latest = new CameraResult((_latest?.Sequence ?? 0) + 1, _changes, report);
            }
            Publish();
        }
    }

    private void Publish()
    {
        TaskCompletionSource next;
        lock (_gate)
        {
            next = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        next.TrySetResult();
    }

    private static byte[] Annotated(Mat frame, FrameReport report)
    {
        foreach (var face in report.Faces)
        {
            Cv2.Rectangle(frame, new Rect(face.Box.X, face.Box.Y, face.Box.Width, face.Box.Height), Scalar.LimeGreen, 2);
        }
        return frame.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 75));
    }

    /// <summary>The newest result and a task that completes when there is a newer one (or the capture state changes).</summary>
    public (CameraResult? Latest, Task Next) Snapshot()
    {
        lock (_gate)
        {
            return (_latest, _next.Task);
        }
    }

    public async Task StreamMjpegAsync(HttpResponse response, CancellationToken cancellation)
    {
        const string boundary = "fermusicframe";
        response.ContentType = $"multipart/x-mixed-replace; boundary={boundary}";
        Interlocked.Increment(ref _viewers);
        try
        {
            byte[] sent = [];
            while (!cancellation.IsCancellationRequested)
            {
                Task next;
                byte[] jpeg;
                lock (_gate)
                {
                    (jpeg, next) = (_jpeg, _next.Task);
                }
                if (ReferenceEquals(jpeg, sent) || jpeg.Length == 0)
                {
                    await next.WaitAsync(cancellation);
                    continue;
                }
                sent = jpeg;
                var header = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {jpeg.Length}\r\n\r\n");
                await response.Body.WriteAsync(header, cancellation);
                await response.Body.WriteAsync(jpeg, cancellation);
                await response.Body.WriteAsync("\r\n"u8.ToArray(), cancellation);
                await response.Body.FlushAsync(cancellation);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _viewers);
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
