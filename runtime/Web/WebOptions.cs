using System.ComponentModel.DataAnnotations;

namespace FerMusic.Runtime.Web;

/// <summary>
/// Limits and modes of the web app, bound from the <c>Web</c> section of the configuration (appsettings.json,
/// environment variables <c>FERMUSIC_Web__MaxFramesPerSecond</c> and the like, the command line) and checked at
/// start-up: a bad value stops the server before it listens.
/// </summary>
public sealed class WebOptions
{
    /// <summary>Server camera mode: the server reads this source and streams it to the page as MJPEG.</summary>
    public string? Source { get; set; }

    /// <summary>Largest frame a page may send, in bytes.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxFrameBytes { get; set; } = 512 * 1024;

    /// <summary>Most frames per second one page may send; with many pages each gets its share of the machine, at most this.</summary>
    [Range(0.5, 60)]
    public double MaxFramesPerSecond { get; set; } = 10;

    [Range(16, 8192)]
    public int MaxFrameWidth { get; set; } = 1920;

    [Range(16, 8192)]
    public int MaxFrameHeight { get; set; } = 1080;

    /// <summary>Pages served at once; 0 = as many as the machine's processing budget gives each at least 2 frames/s.</summary>
    [Range(0, 100_000)]
    public int MaxSessions { get; set; }

    /// <summary>Pages one client address may have open at once.</summary>
    [Range(1, 10_000)]
    public int MaxSessionsPerClient { get; set; } = 8;

    /// <summary>A page that sends nothing for this long is closed, so idle sockets cannot lock others out.</summary>
    [Range(1, 86_400)]
    public double IdleTimeoutSeconds { get; set; } = 30;

    /// <summary>Origins besides the page's own that may open <c>/ws</c> and <c>/stream.mjpg</c> (e.g. https://example.org).</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public TimeSpan IdleTimeout => TimeSpan.FromSeconds(IdleTimeoutSeconds);
}
