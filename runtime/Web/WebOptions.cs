namespace FerMusic.Runtime.Web;

/// <summary>Limits and modes of the web app.</summary>
public sealed record WebOptions
{
    /// <summary>Server camera mode: the server reads this source and streams it to the page as MJPEG.</summary>
    public string? Source { get; init; }

    /// <summary>Largest frame a browser may send, in bytes.</summary>
    public int MaxFrameBytes { get; init; } = 512 * 1024;

    /// <summary>Frames per second processed per browser session; faster frames are answered "throttled" and not processed.</summary>
    public double MaxFramesPerSecond { get; init; } = 10;

    public int MaxFrameWidth { get; init; } = 1920;
    public int MaxFrameHeight { get; init; } = 1080;

    /// <summary>Sockets served at once; more are refused with 503.</summary>
    public int MaxSessions { get; init; } = 32;

    /// <summary>Consecutive undecodable frames after which a socket is closed.</summary>
    public int MaxBadFrames { get; init; } = 5;
}
