using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FerMusic.Runtime.Web.Sessions;

/// <summary>What came in on a page's socket.</summary>
public enum Incoming
{
    Binary,
    Text,
    Closed,
    TooBig,
}

/// <summary>
/// One page's WebSocket: whole messages in, into one reused buffer that bounds their size; typed JSON messages out,
/// one at a time (a WebSocket allows one send in flight); and a close handshake with a status and a reason.
/// </summary>
public sealed class PageSocket(WebSocket socket, int maxMessageBytes)
{
    private readonly byte[] _buffer = new byte[maxMessageBytes];
    private readonly SemaphoreSlim _sendGate = new(1, 1);

    public bool IsOpen => socket.State == WebSocketState.Open;

    /// <summary>The payload of the last message received.</summary>
    public ReadOnlySpan<byte> Payload(int length) => _buffer.AsSpan(0, length);

    public async Task<(Incoming Kind, int Length)> ReceiveAsync(CancellationToken cancellation)
    {
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                return (Incoming.TooBig, length);
            }
            var result = await socket.ReceiveAsync(_buffer.AsMemory(length), cancellation);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (Incoming.Closed, 0);
            }
            length += result.Count;
            if (result.EndOfMessage)
            {
                return (result.MessageType == WebSocketMessageType.Text ? Incoming.Text : Incoming.Binary, length);
            }
        }
    }

    public async Task SendAsync<T>(T message, JsonTypeInfo<T> type, CancellationToken cancellation)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, type);
        await _sendGate.WaitAsync(cancellation);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellation);
            }
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>
    /// Closes with <paramref name="status"/> and a reason (at most 123 bytes, as the protocol allows), completing the
    /// handshake when the page answers; a page that does not is dropped.
    /// </summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string reason, CancellationToken cancellation)
    {
        var text = reason.Length > 120 ? reason[..120] : reason;
        await _sendGate.WaitAsync(cancellation);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, text, cancellation);
            }
        }
        catch (WebSocketException)
        {
            socket.Abort();
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Answers a close the page started.</summary>
    public Task AcknowledgeCloseAsync(CancellationToken cancellation) => CloseAsync(WebSocketCloseStatus.NormalClosure, "", cancellation);

    /// <summary>Reads and drops what the page still sends until its close frame arrives, for a clean handshake.</summary>
    public async Task DrainUntilClosedAsync(TimeSpan limit, TimeProvider time)
    {
        using var timeout = new CancellationTokenSource(limit, time);
        try
        {
            while (socket.State is WebSocketState.CloseSent)
            {
                var (kind, _) = await ReceiveAsync(timeout.Token);
                if (kind == Incoming.Closed)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            socket.Abort();
        }
    }

    public void Abort() => socket.Abort();
}
