using System.Security.Cryptography;

namespace FerMusic.Runtime.Web.Security;

/// <summary>
/// Whose journal a request reads and writes. On loopback the page is single-user: everyone is "local". When the
/// server listens on another address, each browser gets an anonymous random id in a cookie (HttpOnly, SameSite=Strict,
/// Secure over HTTPS) and sees only its own journal; an id that is not one of ours is replaced, never trusted.
/// </summary>
public static class ListenerIdentity
{
    public const string Local = "local";
    public const string CookieName = "fermusic_listener";
    private const string Key = "fermusic.listener";

    /// <summary>The listener of this request (set by <see cref="Use"/>).</summary>
    public static string Of(HttpContext context) => context.Items[Key] as string ?? Local;

    public static void Use(WebApplication app, bool perBrowser)
    {
        app.Use((context, next) =>
        {
            context.Items[Key] = perBrowser ? CookieId(context) : Local;
            return next(context);
        });
    }

    private static string CookieId(HttpContext context)
    {
        if (context.Request.Cookies.TryGetValue(CookieName, out var id) && IsId(id))
        {
            return id;
        }
        id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(CookieName, id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromDays(400),
            IsEssential = true,
        });
        return id;
    }

    private static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    /// <summary>Whether every address is a loopback one (then one listener is assumed).</summary>
    public static bool AllLoopback(IEnumerable<string> addresses) =>
        addresses.All(a => new Uri(a).Host is var host && (host == "localhost" || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip))));
}
