using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.WebSockets;
using FerMusic.Core.Cli;
using FerMusic.Runtime.Journal;
using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Pipeline;
using FerMusic.Runtime.Spotify;
using FerMusic.Runtime.Web.Capacity;
using FerMusic.Runtime.Web.Observability;
using FerMusic.Runtime.Web.Security;
using FerMusic.Runtime.Web.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace FerMusic.Runtime.Web;

/// <summary>
/// The web app: the page, <c>/api/config</c>, <c>/ws</c> (a page streams its camera's frames and gets results back,
/// or in server camera mode receives the results of the server's camera, shown from <c>/stream.mjpg</c>),
/// <c>/healthz</c> and <c>/metrics</c>. Services come from dependency injection, the limits from configuration.
/// </summary>
public static class WebServer
{
    /// <param name="factory">The loaded model, detector and catalogue (the caller keeps and disposes it).</param>
    /// <param name="configure">Settings that override the configuration's (the command line's, or a test's).</param>
    /// <param name="urls">Where to listen; loopback by default.</param>
    /// <param name="host">Last changes to the host builder (tests use their own server or clock).</param>
    /// <param name="journal">Journal settings that override the configuration's (<c>--journal</c>, <c>--no-journal</c>).</param>
    /// <exception cref="UserErrorException">A setting is out of range, a URL is not one, or the source cannot be opened.</exception>
    public static WebApplication Build(PipelineFactory factory, Action<WebOptions>? configure = null, string[]? urls = null,
        Action<WebApplicationBuilder>? host = null, Action<JournalOptions>? journal = null)
    {
        var addresses = Addresses(urls);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.AddEnvironmentVariables("FERMUSIC_");
        builder.WebHost.UseUrls(addresses);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        // A port in use is the user's to fix: it reaches the command line as one line, not as a logged stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        var options = Options(builder.Configuration, configure);
        builder.Services.AddOptions<WebOptions>()
            .Bind(builder.Configuration.GetSection("Web"))
            .PostConfigure(o => configure?.Invoke(o))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostFiltering(filtering =>
        {
            filtering.AllowedHosts = AllowedHosts(builder.Configuration, addresses);
            filtering.AllowEmptyHosts = false;
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<WebMetrics>();
        builder.Services.AddSingleton(factory);
        builder.Services.AddSingleton(new FrameBudget(FrameBudget.MeasureSecondsPerFrame(factory), options.MaxFramesPerSecond, Environment.ProcessorCount));
        builder.Services.AddSingleton(services =>
        {
            var budget = services.GetRequiredService<FrameBudget>();
            var configured = services.GetRequiredService<IOptions<WebOptions>>().Value;
            return new SessionLimiter(() => configured.MaxSessions > 0 ? configured.MaxSessions : budget.MaxPages, configured.MaxSessionsPerClient);
        });
        if (options.Source is { } source)
        {
            builder.Services.AddSingleton(new ServerCamera(factory, source));
        }
        var journalOptions = new JournalOptions();
        builder.Configuration.GetSection("Journal").Bind(journalOptions);
        journal?.Invoke(journalOptions);
        builder.Services.AddSingleton(_ => journalOptions.Enabled ? MoodJournal.Open(journalOptions.Path ?? JournalOptions.DefaultPath) : MoodJournal.Off());
        builder.Services.AddSingleton(new JournalMode(journalOptions.PerBrowser ?? !ListenerIdentity.AllLoopback(addresses)));
        builder.Services.AddSpotify(SpotifyCredentials.FromEnvironment());
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(WebMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());
        host?.Invoke(builder);

        var app = builder.Build();
        Map(app);
        return app;
    }

    /// <summary>The configuration's settings with <paramref name="configure"/>'s on top, checked now, before anything is opened.</summary>
    private static WebOptions Options(IConfiguration configuration, Action<WebOptions>? configure)
    {
        var options = new WebOptions();
        configuration.GetSection("Web").Bind(options);
        configure?.Invoke(options);
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new UserErrorException("web settings: " + string.Join("; ", problems.Select(p => p.ErrorMessage)));
        }
        return options;
    }

    private static string[] Addresses(string[]? urls)
    {
        string[] addresses = urls is { Length: > 0 } ? urls : ["http://127.0.0.1:5000"];
        foreach (var url in addresses)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new UserErrorException($"--urls: '{url}' is not an http:// or https:// address (e.g. http://127.0.0.1:5000).");
            }
        }
        return addresses;
    }

    /// <summary>
    /// Host names the server answers to: the configuration's <c>AllowedHosts</c>, else the names of the addresses it
    /// listens on, and on loopback only the loopback names, so that another site's name pointed at 127.0.0.1 (DNS
    /// rebinding) is refused.
    /// </summary>
    private static List<string> AllowedHosts(IConfiguration configuration, string[] addresses)
    {
        if (configuration["AllowedHosts"] is { Length: > 0 } configured)
        {
            return [.. configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }
        var hosts = new List<string> { "localhost", "127.0.0.1", "[::1]" };
        foreach (var address in addresses)
        {
            var host = new Uri(address).Host;
            if (host is "0.0.0.0" or "[::]" or "*" or "+")
            {
                return ["*"];
            }
            if (!hosts.Contains(host, StringComparer.OrdinalIgnoreCase))
            {
                hosts.Add(host);
            }
        }
        return hosts;
    }

    private static void Map(WebApplication app)
    {
        var services = app.Services;
        var factory = services.GetRequiredService<PipelineFactory>();
        var options = services.GetRequiredService<IOptions<WebOptions>>().Value;
        var limiter = services.GetRequiredService<SessionLimiter>();
        var budget = services.GetRequiredService<FrameBudget>();
        var camera = services.GetService<ServerCamera>();
        var journal = services.GetRequiredService<MoodJournal>();
        var perBrowser = services.GetRequiredService<JournalMode>().PerBrowser;

        app.UseHostFiltering();
        app.Use(async (context, next) =>
        {
            RequestGuards.AddSecurityHeaders(context.Response);
            if (context.Request.Path.StartsWithSegments("/ws") || context.Request.Path.StartsWithSegments("/stream.mjpg"))
            {
                if (!RequestGuards.IsAllowedOrigin(context.Request, options.AllowedOrigins))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await context.Response.WriteAsync("Only this server's own page may use this endpoint.");
                    return;
                }
            }
            await next(context);
        });
        ListenerIdentity.Use(app, perBrowser);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        PageAssets.Map(app);
        app.MapGet("/api/config", () => Results.Json(new
        {
            mode = camera is null ? "browser" : "server",
            labels = factory.Model.Labels,
            strategies = Enum.GetNames<MusicStrategy>().Select(s => s.ToLowerInvariant()),
            genres = factory.Catalog.Genres,
            decades = factory.Catalog.Decades,
            languages = factory.Catalog.Languages,
            max_fps = budget.PerPage,
            max_frame_bytes = options.MaxFrameBytes,
            model = Path.GetFileName(factory.Model.Path),
            busy = limiter.Full,
            max_sessions = limiter.Limit,
            retry_seconds = 5,
        }));
        app.MapGet("/healthz", () =>
        {
            var ready = camera?.IsLive ?? true;
            return Results.Json(new
            {
                status = ready ? "ready" : "not ready",
                model = Path.GetFileName(factory.Model.Path),
                detector = factory.Faces.Name,
                source = camera is null ? "browser cameras" : camera.CaptureState.State.ToString().ToLowerInvariant(),
                source_detail = camera?.CaptureState.Detail,
                sessions = limiter.Open,
                max_sessions = limiter.Limit,
                capacity_fps = Math.Round(budget.Capacity, 1),
                frames_processed = services.GetRequiredService<WebMetrics>().FramesProcessed,
                frames_refused = services.GetRequiredService<WebMetrics>().FramesRefused,
                memory_mb = Math.Round(Environment.WorkingSet / 1e6, 1),
            }, statusCode: ready ? 200 : 503);
        });
        app.MapPrometheusScrapingEndpoint("/metrics");
        JournalEndpoints.Map(app, journal, perBrowser, options.AllowedOrigins);
        app.Map("/ws", context => ServeSocketAsync(context, services, camera));
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
        if (camera is not null)
        {
            app.Lifetime.ApplicationStopping.Register(camera.Dispose);
        }
    }

    private static async Task ServeSocketAsync(HttpContext context, IServiceProvider services, ServerCamera? camera)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("/ws takes WebSocket connections only.");
            return;
        }
        var limiter = services.GetRequiredService<SessionLimiter>();
        var client = context.Connection.RemoteIpAddress;
        if (!limiter.TryEnter(client))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            await context.Response.WriteAsync("Too many pages connected; try again in 5 s.");
            return;
        }
        var factory = services.GetRequiredService<PipelineFactory>();
        var options = services.GetRequiredService<IOptions<WebOptions>>().Value;
        var metrics = services.GetRequiredService<WebMetrics>();
        var time = services.GetRequiredService<TimeProvider>();
        var budget = services.GetRequiredService<FrameBudget>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("FerMusic.Web");
        PageSocket? socket = null;
        metrics.SessionOpened();
        budget.PageJoined();
        try
        {
            using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
            socket = new PageSocket(webSocket, options.MaxFrameBytes);
            var journal = services.GetRequiredService<MoodJournal>();
            var queue = new MusicQueue(factory.Recommender, MusicStrategy.Match);
            var who = ListenerIdentity.Of(context);
            try
            {
                if (journal.Enabled)
                {
                    journal.Profile(who).ApplyTo(queue.Session, factory.Catalog);
                }
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                logger.LogWarning("The listener's taste could not be read from the journal: {Problem}", e.Message);
            }
            using var record = journal.StartSession(who, camera is null ? "browser" : "server", factory.Model.Labels, time);
            var listener = new Listener(queue, services.GetService<SpotifyLinker>(), socket, time, record);
            if (camera is null)
            {
                using var pipeline = factory.Create(new PipelineOptions { PickMusic = false });
                await new BrowserCameraSession(socket, pipeline, listener, budget, options, metrics, time).RunAsync(context.RequestAborted);
            }
            else
            {
                await new ServerCameraSession(socket, camera, listener, options, metrics, time).RunAsync(context.RequestAborted);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The page went away.
        }
        catch (Exception e)
        {
            // A bug in one session: it closes with 1011, everyone else is served on.
            logger.LogError(e, "A page's session failed");
            if (socket is not null)
            {
                await socket.CloseAsync(WebSocketCloseStatus.InternalServerError, "internal error", CancellationToken.None);
            }
        }
        finally
        {
            budget.PageLeft();
            metrics.SessionClosed();
            limiter.Leave(client);
        }
    }

    /// <summary>Whether each browser has its own journal (see <see cref="ListenerIdentity"/>).</summary>
    public sealed record JournalMode(bool PerBrowser);

    /// <summary>The address a client connects from, for the per-client limit.</summary>
    public static IPAddress? Client(HttpContext context) => context.Connection.RemoteIpAddress;
}
