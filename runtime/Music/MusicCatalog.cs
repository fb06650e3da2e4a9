using System.Globalization;
using System.Text;
using CsvHelper;

namespace FerMusic.Runtime.Music;

/// <summary>
/// The local music catalogue, <c>data/catalog.csv</c>: title, artist, year, spotify_id, valence, energy, tempo, genre.
/// Every row is validated; a bad one stops loading with its file and line.
/// </summary>
public sealed class MusicCatalog
{
    private static readonly string[] Columns = ["title", "artist", "year", "spotify_id", "valence", "energy", "tempo", "genre"];

    private MusicCatalog(IReadOnlyList<Track> tracks) => Tracks = tracks;

    public IReadOnlyList<Track> Tracks { get; }


    public static MusicCatalog Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Music catalogue not found: {path}", path);
        }
        using var csv = CsvReader.Create(File.OpenRead(path), new CsvReaderOptions { Separator = ',', TrackLineNumbers = true }, leaveOpen: false);
        var index = Columns.ToDictionary(c => c, c => csv.TryGetFieldIndex(c, out var i)
            ? i
            : throw new InvalidDataException($"{path}:1: missing column '{c}'; expected the header '{string.Join(',', Columns)}'."));
        var tracks = new List<Track>();
        while (csv.Read())
        {
            string Text(string column) => csv.FieldCount > index[column] ? Encoding.UTF8.GetString(csv.GetSpan(index[column])).Trim() : "";
            double Number(string column, double min, double max)
            {
                var text = Text(column);
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                    ? value
                    : throw new InvalidDataException($"{path}:{csv.LineNumber}: {column} is '{text}', expected a number {min}..{max}.");
            }
            var title = Text("title");
            var artist = Text("artist");
            if (title.Length == 0 || artist.Length == 0)
            {
                throw new InvalidDataException($"{path}:{csv.LineNumber}: title and artist must not be empty.");
            }
            var id = Text("spotify_id");
            tracks.Add(new Track(title, artist, (int)Number("year", 1900, 2100), id.Length == 0 ? null : id,
                Number("valence", 0, 1), Number("energy", 0, 1), Number("tempo", 1, 400), Text("genre")));
        }
        if (tracks.Count == 0)
        {
            throw new InvalidDataException($"{path} has no tracks.");
        }
        return new MusicCatalog(tracks);
    }
}
