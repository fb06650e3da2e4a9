namespace FerMusic.Runtime.Web.Security;

/// <summary>
/// What the browser-facing endpoints refuse or add: another site's page opening the camera results (<c>/ws</c>) or the
/// camera stream (<c>/stream.mjpg</c>) gets 403, and every answer carries headers that keep the page from being framed,
/// sniffed or made to load scripts from elsewhere.
/// </summary>
public static class RequestGuards
{
    /// <summary>
    /// Only the page's own origin, and those configured, may use the live endpoints. Browsers send <c>Origin</c> with
    /// WebSocket requests and <c>Sec-Fetch-Site</c> with others; a request with neither is not from a browser page.
    /// </summary>
    public static bool IsAllowedOrigin(HttpRequest request, IReadOnlyCollection<string> allowed)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            var own = $"{request.Scheme}://{request.Host}";
            return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
                || allowed.Any(a => string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
        }
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length == 0 || site is "same-origin" or "none";
    }

    /// <summary>
    /// Content-Security-Policy: the page's own scripts and styles, Spotify's player in a frame and its iFrame API script
    /// (loaded only when the listener asks for the player), nothing else.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' https://open.spotify.com; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; " +
        "connect-src 'self'; frame-src https://open.spotify.com; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

    public static void AddSecurityHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["Permissions-Policy"] = "camera=(self), microphone=()";
    }
}
