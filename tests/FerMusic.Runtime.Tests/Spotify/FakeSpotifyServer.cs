using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FerMusic.Runtime.Tests.Spotify;

/// <summary>
/// A stand-in for Spotify's accounts and Web API on 127.0.0.1: each request is answered by the next scripted
/// reply for its path (the last reply repeats), and every request is recorded.
/// </summary>
internal sealed class FakeSpotifyServer : IDisposable
{
    public delegate Task Reply(HttpListenerContext context);

    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, Queue<Reply>> _replies = [];
    private readonly Task _loop;

    public FakeSpotifyServer()
    {
        var port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUri.ToString());
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public Uri BaseUri { get; }

    public List<(string Path, string? Authorization, string Query)> Requests { get; } = [];

    public FakeSpotifyServer On(string path, params Reply[] replies)
    {
        _replies[path] = new Queue<Reply>(replies);
        return this;
    }

    public static Reply Json(string json, int status = 200, string? retryAfter = null) => async context =>
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers["Retry-After"] = retryAfter;
        }
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    };

    public static Reply Slow(TimeSpan delay) => async context =>
    {
        await Task.Delay(delay);
        context.Response.Abort();
    };

    public static Reply Token(string token = "token-1") => Json($$"""{"access_token":"{{token}}","token_type":"Bearer","expires_in":3600}""");

    public static Reply Found(string id) => Json($$$"""
        {"tracks":{"items":[{"id":"{{{id}}}","name":"Song","artists":[{"name":"Band"}],"external_urls":{"spotify":"https://open.spotify.com/track/{{{id}}}"}}]}}
        """);

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            var path = context.Request.Url!.AbsolutePath;
            Reply reply;
            lock (Requests)
            {
                Requests.Add((path, context.Request.Headers["Authorization"], context.Request.Url?.Query ?? ""));
                var queue = _replies.GetValueOrDefault(path);
                reply = queue is null ? Json("{}", 404) : queue.Count > 1 ? queue.Dequeue() : queue.Peek();
            }
            _ = reply(context);
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(2));
    }
}
