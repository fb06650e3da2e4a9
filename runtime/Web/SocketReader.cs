using System.Net.WebSockets;

namespace FerMusic.Runtime.Web;

/// <summary>Reads whole WebSocket messages into one reused buffer, refusing any larger than it.</summary>
public sealed class SocketReader(WebSocket socket, int maxBytes)
{
    private readonly byte[] _buffer = new byte[maxBytes];

    public ReadOnlySpan<byte> Message(int length) => _buffer.AsSpan(0, length);

    /// <returns>The message type and length; Close when the peer closed; null when the message was too large.</returns>
    public async Task<(WebSocketMessageType Type, int Length)?> ReadAsync(CancellationToken cancellation)
    {
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                return null;
            }
            var result = await socket.ReceiveAsync(_buffer.AsMemory(length), cancellation);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (WebSocketMessageType.Close, 0);
            }
            length += result.Count;
            if (result.EndOfMessage)
            {
                return (result.MessageType, length);
            }
        }
    }
}
