using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Pipeline;
using FerMusic.Runtime.Spotify;

namespace FerMusic.Runtime.Web;

/// <summary>
/// The web app: the page, <c>/api/config</c>, and <c>/ws</c>, where a page streams its camera's frames and gets
/// results back (or, in server camera mode, receives the results of the server's camera, shown from <c>/stream.mjpg</c>).
/// </summary>
public static class WebServer
{
    public static WebApplication Build(PipelineFactory factory, WebOptions options, string[]? urls = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls is { Length: > 0 } ? urls : ["http://127.0.0.1:5000"]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure?.Invoke(builder);
        var app = builder.Build();
        var limiter = new SessionLimiter(options.MaxSessions);
        var http = new HttpClient();
        app.Lifetime.ApplicationStopped.Register(http.Dispose);
        // Spotify credentials stay on the server: the page only ever sees track ids and links.
        var spotify = SpotifyCredentials.FromEnvironment() is { } credentials ? new SpotifyLinker(new SpotifyClient(http, credentials)) : null;
        var camera = options.Source is null ? null : new ServerCamera(factory, options.Source);
        if (camera is not null)
        {
            app.Lifetime.ApplicationStopping.Register(camera.Dispose);
        }

        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        PageAssets.Map(app);
        app.MapGet("/api/config", () => Results.Json(new
        {
            mode = camera is null ? "browser" : "server",
            labels = factory.Model.Labels,
            strategies = Enum.GetNames<MusicStrategy>().Select(s => s.ToLowerInvariant()),
            max_fps = options.MaxFramesPerSecond,
            max_frame_bytes = options.MaxFrameBytes,
            model = Path.GetFileName(factory.Model.Path),
            busy = limiter.Full,
            max_sessions = limiter.Limit,
            retry_seconds = 5,
        }));
        app.Map("/ws", async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("/ws takes WebSocket connections only.");
                return;
            }
            if (!limiter.TryEnter())
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsync("Too many sessions; try again later.");
                return;
            }
            try
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var aborted = context.RequestAborted;
                if (camera is null)
                {
                    await new BrowserCameraSession(socket, factory, factory.Catalog, options, spotify).RunAsync(aborted);
                }
                else
                {
                    await camera.ServeAsync(socket, factory, options, aborted);
                }
            }
            catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or OperationCanceledException)
            {
                // The page went away; nothing to clean up beyond the session itself.
            }
            finally
            {
                limiter.Leave();
            }
        });
        app.MapGet("/stream.mjpg", async context =>
        {
            if (camera is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsync("The server camera is off; start with --source to stream it.");
                return;
            }
            await camera.StreamMjpegAsync(context.Response, context.RequestAborted);
        });
        return app;
    }
}
