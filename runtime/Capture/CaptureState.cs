namespace FerMusic.Runtime.Capture;

public enum CaptureState
{
    Starting,
    Running,

    /// <summary>A live source stopped giving frames; reopening it with back-off.</summary>
    Reconnecting,

    /// <summary>A file source reached its end.</summary>
    Ended,

    /// <summary>Could not (re)open the source; capture has stopped.</summary>
    Failed,
}
