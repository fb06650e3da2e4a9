namespace FerMusic.Runtime.Music;

/// <summary>What the listener wants to hear: a genre family, a decade, a language; null means any.</summary>
public sealed record MusicFilter(string? Genre = null, int? Decade = null, string? Language = null)
{
    public static readonly MusicFilter Any = new();

    public bool Allows(Track track) =>
        (Genre is null || string.Equals(track.Genre, Genre, StringComparison.OrdinalIgnoreCase))
        && (Decade is null || track.Decade == Decade)
        && (Language is null || string.Equals(track.Language, Language, StringComparison.OrdinalIgnoreCase));
}
