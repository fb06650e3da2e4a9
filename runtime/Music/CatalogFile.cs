using System.Globalization;
using System.Text;

namespace FerMusic.Runtime.Music;

/// <summary>The catalogue's file format: its columns, in order, and how a track is written as a row.</summary>
public static class CatalogFile
{
    public static readonly string[] Columns =
        ["title", "artist", "year", "spotify_id", "valence", "energy", "tempo", "genre", "style", "acousticness", "loudness", "danceability", "duration_s", "language", "power"];

    public static void Write(string path, IEnumerable<Track> tracks)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', Columns)).Append('\n');
        foreach (var t in tracks)
        {
            string[] cells =
            [
                t.Title, t.Artist, t.Year.ToString(CultureInfo.InvariantCulture), t.SpotifyId ?? "", F(t.Valence, "0.000"), F(t.Energy, "0.000"),
                F(t.Tempo, "0"), t.Genre, t.Style, F(t.Acousticness, "0.000"), F(t.Loudness, "0.0"), F(t.Danceability, "0.000"),
                t.DurationSeconds.ToString(CultureInfo.InvariantCulture), t.Language, F(t.Power, "0.000"),
            ];
            text.Append(string.Join(',', cells.Select(Quote))).Append('\n');
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
