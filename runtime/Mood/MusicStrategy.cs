namespace FerMusic.Runtime.Mood;

public enum MusicStrategy
{
    /// <summary>Music like the mood.</summary>
    Match,

    /// <summary>Music more positive than the mood.</summary>
    Uplift,

    /// <summary>The iso principle of music therapy: start where the listener is, then step towards a positive target.</summary>
    Iso,
}
