using System.Net.WebSockets;

namespace FerMusic.Runtime.Web.Sessions;

/// <summary>
/// Closes a page's socket (1008, with the reason) when nothing has arrived from it for the idle timeout, so that idle
/// sockets cannot hold the sessions others need; a page that does not answer the close is dropped.
/// </summary>
public sealed class IdleWatch : IAsyncDisposable
{
    private readonly PageSocket _socket;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watch;
    private long _last;

    public IdleWatch(PageSocket socket, TimeSpan timeout, TimeProvider time)
    {
        _socket = socket;
        _timeout = timeout;
        _time = time;
        _last = time.GetTimestamp();
        _watch = WatchAsync();
    }

    /// <summary>Something arrived: the idle time starts again.</summary>
    public void Touch() => Interlocked.Exchange(ref _last, _time.GetTimestamp());

    private async Task WatchAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var quiet = _time.GetElapsedTime(Interlocked.Read(ref _last));
                if (quiet >= _timeout)
                {
                    await _socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, $"idle for {_timeout.TotalSeconds:0} s", _stop.Token);
                    await Task.Delay(TimeSpan.FromSeconds(2), _time, _stop.Token);
                    _socket.Abort();
                    return;
                }
                await Task.Delay(_timeout - quiet, _time, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended first.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watch;
        _stop.Dispose();
    }
}
