using System.Net.WebSockets;
using FerMusic.Runtime.Web.Observability;
using FerMusic.Runtime.Web.Protocol;

namespace FerMusic.Runtime.Web.Sessions;

/// <summary>
/// A page in server camera mode: it receives the server camera's results, at most at the configured frame rate, with
/// its own listener's music and the camera's state; it sends only control messages.
/// </summary>
public sealed class ServerCameraSession(PageSocket socket, ServerCamera camera, Listener listener, WebOptions options, WebMetrics metrics, TimeProvider time)
{
    public async Task RunAsync(CancellationToken cancellation)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        await socket.SendAsync(new RateMessage(0), ProtocolJson.Default.RateMessage, cancellation);
        var controls = ReadControlsAsync(ended.Token);
        var results = SendResultsAsync(ended.Token);
        await Task.WhenAny(controls, results);
        await ended.CancelAsync();
        await Task.WhenAll(Quietly(controls), Quietly(results));
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    private async Task ReadControlsAsync(CancellationToken cancellation)
    {
        await using var idle = new IdleWatch(socket, options.IdleTimeout, time);
        while (socket.IsOpen)
        {
            var (kind, length) = await socket.ReceiveAsync(cancellation);
            idle.Touch();
            var problem = kind switch
            {
                Incoming.Closed => "",
                Incoming.Text => await listener.HandleControlAsync(ProtocolJson.ParseControl(socket.Payload(length)), cancellation),
                _ => "in server camera mode the page sends only control messages",
            };
            if (problem == "")
            {
                await socket.AcknowledgeCloseAsync(cancellation);
                return;
            }
            if (problem is not null)
            {
                metrics.Refused("protocol");
                await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, problem, cancellation);
                await socket.DrainUntilClosedAsync(TimeSpan.FromSeconds(2), time);
                return;
            }
        }
    }

    private async Task SendResultsAsync(CancellationToken cancellation)
    {
        var interval = TimeSpan.FromSeconds(1 / options.MaxFramesPerSecond);
        long sent = 0, changesSeen = -1;
        var stateSent = camera.CaptureState;
        await SendCaptureAsync(stateSent, cancellation);
        while (socket.IsOpen)
        {
            var (latest, next) = camera.Snapshot();
            if (camera.CaptureState != stateSent)
            {
                stateSent = camera.CaptureState;
                await SendCaptureAsync(stateSent, cancellation);
            }
            if (latest is null || latest.Sequence == sent)
            {
                await next.WaitAsync(cancellation);
                continue;
            }
            sent = latest.Sequence;
            await listener.SendFrameAsync(latest.Report, camera.Labels, latest.Changes != changesSeen, cancellation);
            changesSeen = latest.Changes;
            await Task.Delay(interval, time, cancellation);
        }
    }

    private Task SendCaptureAsync((Capture.CaptureState State, string? Detail) state, CancellationToken cancellation) =>
        socket.SendAsync(new CaptureMessage(state.State.ToString().ToLowerInvariant(), state.Detail), ProtocolJson.Default.CaptureMessage, cancellation);
}
