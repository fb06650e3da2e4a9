namespace FerMusic.Runtime.Music;

/// <summary>A catalogue entry: facts about a recording, with valence and energy on Spotify's 0..1 scale.</summary>
public sealed record Track(string Title, string Artist, int Year, string? SpotifyId, double Valence, double Energy, double Tempo, string Genre)
{
    public string Key => $"{Artist}\u001f{Title}";

    public string? SpotifyUrl => SpotifyId is null ? null : $"https://open.spotify.com/track/{SpotifyId}";
}
