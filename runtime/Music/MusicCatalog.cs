using System.Globalization;
using System.Text;
using CsvHelper;

namespace FerMusic.Runtime.Music;

/// <summary>
/// The local music catalogue, <c>data/catalog.csv</c> (columns in <see cref="CatalogFile.Columns"/>). Every row is
/// validated; a bad one (a missing or out-of-range number, no title, a song or Spotify id already listed) is left out
/// and reported in <see cref="Problems"/> with its line, and the rest load. A missing file, a missing column or no
/// usable row at all stops loading with the reason.
/// </summary>
public sealed class MusicCatalog
{
    private readonly Dictionary<string, Track> _byKey;

    public MusicCatalog(IReadOnlyList<Track> tracks, IReadOnlyList<CatalogProblem>? problems = null)
    {
        Tracks = tracks;
        Problems = problems ?? [];
        _byKey = tracks.GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.First());
        Genres = [.. tracks.Select(t => t.Genre).Distinct().Order(StringComparer.Ordinal)];
        Languages = [.. tracks.Select(t => t.Language).Distinct().Order(StringComparer.Ordinal)];
        Decades = [.. tracks.Select(t => t.Decade).Distinct().Order()];
    }

    public IReadOnlyList<Track> Tracks { get; }

    /// <summary>Rows that were left out, with their lines.</summary>
    public IReadOnlyList<CatalogProblem> Problems { get; }

    public IReadOnlyList<string> Genres { get; }

    public IReadOnlyList<string> Languages { get; }

    public IReadOnlyList<int> Decades { get; }

    /// <summary>The catalogue's track for a credit and title as written anywhere (any spelling of the same song).</summary>
    public Track? Find(string artist, string title) =>
        _byKey.GetValueOrDefault(new Track(title, artist, 2000, null, 0, 0, 1, "").Key);

    public static MusicCatalog Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Music catalogue not found: {path}", path);
        }
        using var csv = CsvReader.Create(File.OpenRead(path), new CsvReaderOptions { Separator = ',', TrackLineNumbers = true }, leaveOpen: false);
        var index = CatalogFile.Columns.ToDictionary(c => c, c => csv.TryGetFieldIndex(c, out var i)
            ? i
            : throw new InvalidDataException($"{path}:1: missing column '{c}'; expected the header '{string.Join(',', CatalogFile.Columns)}'."));
        var tracks = new List<Track>();
        var problems = new List<CatalogProblem>();
        var keys = new Dictionary<string, long>();
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var line = csv.LineNumber;
            try
            {
                var track = Parse(csv, index);
                if (keys.TryGetValue(track.Key, out var first))
                {
                    throw new FormatException($"'{track.Title}' by {track.Artist} is already listed on line {first}");
                }
                if (track.SpotifyId is { } id && ids.TryGetValue(id, out var same))
                {
                    throw new FormatException($"spotify_id {id} is already used on line {same}");
                }
                keys[track.Key] = line;
                if (track.SpotifyId is { } newId)
                {
                    ids[newId] = line;
                }
                tracks.Add(track);
            }
            catch (FormatException e)
            {
                problems.Add(new CatalogProblem(path, line, e.Message));
            }
        }
        if (tracks.Count == 0)
        {
            throw new InvalidDataException($"{path} has no usable tracks{(problems.Count > 0 ? "; first problem: " + problems[0] : "")}.");
        }
        return new MusicCatalog(tracks, problems);
    }

    private static Track Parse(CsvReader csv, Dictionary<string, int> index)
    {
        string Text(string column) => csv.FieldCount > index[column] ? Encoding.UTF8.GetString(csv.GetSpan(index[column])).Trim() : "";
        double Number(string column, double min, double max)
        {
            var text = Text(column);
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw new FormatException($"{column} is '{text}', expected a number {min}..{max}");
        }
        var title = Text("title");
        var artist = Text("artist");
        if (title.Length == 0 || artist.Length == 0)
        {
            throw new FormatException("title and artist must not be empty");
        }
        var id = Text("spotify_id");
        var language = Text("language");
        return new Track(title, artist, (int)Number("year", 1900, 2100), id.Length == 0 ? null : id,
            Number("valence", 0, 1), Number("energy", 0, 1), Number("tempo", 1, 400), Text("genre") is { Length: > 0 } g ? g : "other",
            Text("style"), Number("acousticness", 0, 1), Number("loudness", -60, 5), Number("danceability", 0, 1),
            (int)Number("duration_s", 10, 3600), language.Length == 0 ? "en" : language, Number("power", 0, 1));
    }
}
