using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace FerMusic.Runtime.Tests.Web;

/// <summary>A page's side of <c>/ws</c> against the in-process server: frames and control messages out, JSON messages in.</summary>
public sealed class PageClient : IDisposable
{
    private readonly byte[] _buffer = new byte[512 * 1024];

    private PageClient(WebSocket socket) => Socket = socket;

    public WebSocket Socket { get; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<PageClient> ConnectAsync(WebAppFixture app, string? origin = null, string? cookie = null)
    {
        var client = app.Server.CreateWebSocketClient();
        client.ConfigureRequest = request =>
        {
            if (origin is not null)
            {
                request.Headers.Origin = origin;
            }
            if (cookie is not null)
            {
                request.Headers.Cookie = cookie;
            }
        };
        return new PageClient(await client.ConnectAsync(new Uri(app.Server.BaseAddress, "ws"), Cancel));
    }

    public Task SendFrameAsync(byte[] frame) => Socket.SendAsync(frame, WebSocketMessageType.Binary, true, Cancel);

    public Task SendTextAsync(string text) => Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, Cancel);

    /// <summary>The next message, or null when the server closed the socket (its status and reason are then on <see cref="Socket"/>).</summary>
    public async Task<JsonDocument?> ReceiveAsync()
    {
        var length = 0;
        while (true)
        {
            var result = await Socket.ReceiveAsync(_buffer.AsMemory(length), Cancel);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (Socket.State == WebSocketState.CloseReceived)
                {
                    try
                    {
                        await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, Cancel);
                    }
                    catch (Exception e) when (e is IOException or WebSocketException)
                    {
                        // The server may already have gone; the close status is what matters.
                    }
                }
                return null;
            }
            length += result.Count;
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(_buffer.AsMemory(0, length).ToArray());
            }
        }
    }

    /// <summary>The next message of <paramref name="type"/>, skipping others (rate announcements, say); null on close.</summary>
    public async Task<JsonDocument?> ReceiveAsync(string type)
    {
        while (await ReceiveAsync() is { } message)
        {
            if (message.RootElement.GetProperty("type").GetString() == type)
            {
                return message;
            }
        }
        return null;
    }

    /// <summary>Reads until the server closes the socket; returns the close status.</summary>
    public async Task<WebSocketCloseStatus?> ClosedAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }
        return Socket.CloseStatus;
    }

    public void Dispose() => Socket.Dispose();
}
