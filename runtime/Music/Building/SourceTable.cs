using System.Globalization;
using System.Text;
using CsvHelper;

namespace FerMusic.Runtime.Music.Building;

/// <summary>
/// One of the public chart tables the catalogue is built from: its file, separator, column names and scales. Every row
/// becomes a song or a problem with its line; none is dropped without a word.
/// </summary>
public sealed record SourceTable(
    string FileName,
    char Separator,
    string Title,
    string Artist,
    string Year,
    string? SpotifyId,
    string Genre,
    string Popularity,
    string Valence,
    string Energy,
    string Acousticness,
    string Danceability,
    string Loudness,
    string Tempo,
    string Duration,
    double FeatureScale,
    double DurationScale)
{
    /// <summary>The three tables in <c>../shared/data/music/</c>, in order of preference for a song's facts.</summary>
    public static readonly IReadOnlyList<SourceTable> Known =
    [
        new("spotify_top200_2020_2021.csv", ',', "Song Name", "Artist", "Release Date", "Song ID", "Genre", "Popularity",
            "Valence", "Energy", "Acousticness", "Danceability", "Loudness", "Tempo", "Duration (ms)", 1, 1000),
        new("top10s.csv", ',', "title", "artist", "year", null, "top genre", "pop",
            "val", "nrgy", "acous", "dnce", "dB", "bpm", "dur", 100, 1),
        new("Spotify-2000.csv", ';', "Title", "Artist", "Year", null, "Top Genre", "Popularity",
            "Valence", "Energy", "Acousticness", "Danceability", "Loudness (dB)", "Beats Per Minute (BPM)", "Length (Duration)", 100, 1),
    ];

    public IEnumerable<(SourceSong? Song, CatalogProblem? Problem)> Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Music table not found: {path}", path);
        }
        using var csv = CsvReader.Create(File.OpenRead(path), new CsvReaderOptions { Separator = Separator, TrackLineNumbers = true }, leaveOpen: false);
        string[] columns = [Title, Artist, Year, Genre, Popularity, Valence, Energy, Acousticness, Danceability, Loudness, Tempo, Duration, .. SpotifyId is null ? Array.Empty<string>() : [SpotifyId]];
        var index = new Dictionary<string, int>();
        foreach (var column in columns)
        {
            index[column] = csv.TryGetFieldIndex(column, out var i)
                ? i
                : throw new InvalidDataException($"{path}:1: missing column '{column}'.");
        }
        while (csv.Read())
        {
            var line = csv.LineNumber;
            (SourceSong?, CatalogProblem?) result;
            try
            {
                result = (Parse(csv, index, path, line), null);
            }
            catch (FormatException e)
            {
                result = (null, new CatalogProblem(path, line, e.Message));
            }
            yield return result;
        }
    }

    private SourceSong Parse(CsvReader csv, Dictionary<string, int> index, string path, long line)
    {
        string Text(string column) => csv.FieldCount > index[column] ? Encoding.UTF8.GetString(csv.GetSpan(index[column])).Trim() : "";
        double Number(string column, double min, double max, double scale = 1)
        {
            var text = Text(column);
            return double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value)
                && value / scale >= min && value / scale <= max
                ? value / scale
                : throw new FormatException($"{column} is '{text}', expected a number {min * scale}..{max * scale}");
        }
        var title = Text(Title);
        var artist = Text(Artist);
        if (title.Length == 0 || artist.Length == 0)
        {
            throw new FormatException("title and artist must not be empty");
        }
        var style = FirstGenre(Text(Genre));
        var track = new Track(
            title,
            artist,
            YearOf(Text(Year)),
            SpotifyId is null || Text(SpotifyId).Length == 0 ? null : Text(SpotifyId),
            Number(Valence, 0, 1, FeatureScale),
            Number(Energy, 0, 1, FeatureScale),
            Number(Tempo, 1, 400),
            Genres.FamilyOf(style),
            style,
            Number(Acousticness, 0, 1, FeatureScale),
            Number(Loudness, -60, 5),
            Number(Danceability, 0, 1, FeatureScale),
            (int)Math.Round(Number(Duration, 10, 3600, DurationScale)),
            Genres.LanguageOf(style));
        return new SourceSong(track, Number(Popularity, 0, 100) / 100, path, line);
    }

    /// <summary>"['indie rock italiano', 'italian pop']" or "dance pop": the first genre named.</summary>
    private static string FirstGenre(string text) =>
        text.Trim('[', ']').Split(',').Select(g => g.Trim().Trim('\'', '"').Trim()).FirstOrDefault(g => g.Length > 0) ?? "";

    /// <summary>"2004", "2017-12-08", "12/8/2017": the year.</summary>
    private static int YearOf(string text)
    {
        var year = text.Contains('/') ? text[(text.LastIndexOf('/') + 1)..] : text.Length >= 4 ? text[..4] : text;
        return int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1900 and <= 2100
            ? value
            : throw new FormatException($"release year is '{text}', expected a year 1900..2100");
    }
}
