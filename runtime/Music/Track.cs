namespace FerMusic.Runtime.Music;

/// <summary>
/// A catalogue entry: facts about a recording. Valence, energy, acousticness and danceability are on Spotify's 0..1
/// scale, loudness in dB, tempo in beats per minute. <see cref="Genre"/> is a broad family (for filters and taste),
/// <see cref="Style"/> the source's own genre; <see cref="Language"/> an ISO 639-1 code inferred from the style;
/// <see cref="Power"/> a rank 0..1 by loudness and electric sound among tracks of about the same energy.
/// </summary>
public sealed record Track(
    string Title,
    string Artist,
    int Year,
    string? SpotifyId,
    double Valence,
    double Energy,
    double Tempo,
    string Genre,
    string Style = "",
    double Acousticness = 0.2,
    double Loudness = -7,
    double Danceability = 0.6,
    int DurationSeconds = 210,
    string Language = "en",
    double Power = 0.5)
{
    // Cached with the text they were made from: "with" copies fields, so a copy with another title must not reuse them.
    private (string Source, string[] Value)? _artists;
    private (string Source, string Value)? _title;

    /// <summary>The credit's artists, normalised, the main one first.</summary>
    public IReadOnlyList<string> Artists
    {
        get
        {
            if (_artists is not { } cached || !ReferenceEquals(cached.Source, Artist))
            {
                var split = TrackNames.SplitArtists(Artist);
                _artists = cached = (Artist, split.Length > 0 ? split : [Artist]);
            }
            return cached.Value;
        }
    }

    public string MainArtist => Artists[0];

    /// <summary>The title without featured artists, version suffixes, case and punctuation.</summary>
    public string NormalTitle
    {
        get
        {
            if (_title is not { } cached || !ReferenceEquals(cached.Source, Title))
            {
                _title = cached = (Title, TrackNames.NormaliseTitle(Title));
            }
            return cached.Value;
        }
    }

    /// <summary>One song, whatever its spelling: the main artist and the normalised title.</summary>
    public string Key => $"{MainArtist}\u001f{NormalTitle}";

    public int Decade => Year / 10 * 10;

    /// <summary>
    /// How forceful the recording sounds next to catalogue tracks of about the same energy, as a rank 0..1 (see
    /// <see cref="Building.CatalogBuilder.RawPower"/>). The music side of the mood's dominance axis.
    /// </summary>
    public double Power { get; init; } = Power;

    public string? SpotifyUrl => SpotifyId is null ? null : $"https://open.spotify.com/track/{SpotifyId}";

    public bool SharesArtistWith(Track other) => Artists.Any(a => other.Artists.Contains(a));
}
