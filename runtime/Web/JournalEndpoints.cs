using System.Text.Json.Serialization;
using FerMusic.Runtime.Journal;
using FerMusic.Runtime.Web.Security;

namespace FerMusic.Runtime.Web;

/// <summary>
/// The page's journal: <c>GET /api/journal</c> (status, past sessions, top artists and liked tracks),
/// <c>GET /api/journal/sessions/{id}</c> (a session's timeline), <c>GET /api/journal/export?format=json|csv</c> and
/// <c>DELETE /api/journal</c> (everything of the listener's, from this page's own origin only). A listener only ever
/// reaches their own rows: another's session is "not found".
/// </summary>
public static class JournalEndpoints
{
    public static void Map(WebApplication app, MoodJournal journal, bool perBrowser, IReadOnlyCollection<string> allowedOrigins)
    {
        app.MapGet("/api/journal", (HttpContext context) =>
        {
            var listener = ListenerIdentity.Of(context);
            var readable = journal.Readable;
            var profile = readable ? journal.Profile(listener) : TasteProfile.Empty;
            return Results.Json(new JournalStatusMessage(journal.Enabled, journal.Problem, journal.Lost, perBrowser,
                readable ? journal.Sessions(listener, limit: 30) : [],
                [.. profile.Artists.Where(a => a.Likes > 0).Take(10)], [.. profile.Tracks.Where(t => t.Likes > 0).Take(10)],
                Math.Round(profile.ValenceDirection, 3), Math.Round(profile.EnergyDirection, 3), Math.Round(profile.PowerDirection, 3)),
                JournalJson.Default.JournalStatusMessage);
        });
        app.MapGet("/api/journal/sessions/{id:long}", (HttpContext context, long id) =>
            journal.Readable && journal.Timeline(ListenerIdentity.Of(context), id) is { } timeline
                ? Results.Json(timeline, JournalJson.Default.Timeline)
                : Results.NotFound());
        app.MapGet("/api/journal/export", async (HttpContext context, string? format) =>
        {
            if (!journal.Readable)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsync("The journal is off: there is nothing to export.");
                return;
            }
            var listener = ListenerIdentity.Of(context);
            var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
            context.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/json";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"fermusic-journal.{(csv ? "csv" : "json")}\"";
            if (csv)
            {
                var writer = new StringWriter();
                journal.WriteCsv(listener, writer);
                await context.Response.WriteAsync(writer.ToString());
            }
            else
            {
                await context.Response.WriteAsJsonAsync(journal.Export(listener), JournalJson.Default.JournalExport);
            }
        });
        app.MapDelete("/api/journal", (HttpContext context) =>
        {
            if (!RequestGuards.IsAllowedOrigin(context.Request, allowedOrigins))
            {
                return Results.Text("Only this server's own page may delete the journal.", statusCode: StatusCodes.Status403Forbidden);
            }
            if (!journal.Enabled)
            {
                return Results.Text("The journal is off: nothing is stored.", statusCode: StatusCodes.Status409Conflict);
            }
            return Results.Json(journal.DeleteAll(ListenerIdentity.Of(context)), JournalJson.Default.DeleteResult);
        });
    }
}

/// <summary>The journal as the page sees it.</summary>
public sealed record JournalStatusMessage(bool Enabled, string? Problem, long Lost, bool PerBrowser, IReadOnlyList<SessionSummary> Sessions,
    IReadOnlyList<Liking> TopArtists, IReadOnlyList<Liking> LikedTracks, double ValenceDirection, double EnergyDirection, double PowerDirection);

/// <summary>The journal's JSON (snake_case), generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(JournalStatusMessage))]
[JsonSerializable(typeof(Timeline))]
[JsonSerializable(typeof(JournalExport))]
[JsonSerializable(typeof(DeleteResult))]
public sealed partial class JournalJson : JsonSerializerContext;
