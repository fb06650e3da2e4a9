using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace FerMusic.Runtime.Web;

/// <summary>Sends JSON messages on a socket one at a time (a WebSocket allows only one send in flight).</summary>
public sealed class SerializedSender(WebSocket socket)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task SendAsync(JsonObject message, CancellationToken cancellation)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _gate.WaitAsync(cancellation);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellation);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task CloseAsync(WebSocketCloseStatus status, string reason, CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation);
        try
        {
            await socket.CloseAsync(status, reason, cancellation);
        }
        finally
        {
            _gate.Release();
        }
    }
}
