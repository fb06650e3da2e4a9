using FerMusic.Runtime.Music;
using FerMusic.Runtime.Music.Building;
using FerMusic.Tests;

namespace FerMusic.Runtime.Tests.Music;

public sealed class MusicCatalogTests : IDisposable
{
    private static readonly string Header = string.Join(',', Runtime.Music.CatalogFile.Columns);
    private const string Good = "Good,Band,2001,,0.5,0.5,120,pop,dance pop,0.1,-5.0,0.7,200,en,0.5";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_shipped_catalogue_fills_the_plane_without_duplicates()
    {
        var catalog = TestCatalogs.LoadShipped();

        Assert.Empty(catalog.Problems);
        Assert.InRange(catalog.Tracks.Count, 2000, 4000);
        Assert.True(CellCoverage.Of(catalog.Tracks, catalog.Tracks).Filled >= 90, "valence/energy cells filled");
        foreach (var (lowValence, lowEnergy) in new[] { (true, true), (true, false), (false, true), (false, false) })
        {
            var count = catalog.Tracks.Count(t => t.Valence < 0.3 == lowValence && t.Energy < 0.3 == lowEnergy);
            Assert.True(count >= 40, $"corner valence<0.3={lowValence} energy<0.3={lowEnergy} has {count} tracks");
        }
        Assert.Equal(catalog.Tracks.Count, catalog.Tracks.Select(t => t.Key).Distinct().Count());
        Assert.True(catalog.Genres.Count >= 8 && catalog.Languages.Count >= 4 && catalog.Decades.Count >= 5);
    }

    [Theory]
    [InlineData("Song,Band,2001,,1.5,0.5,120,pop,,0.1,-5,0.7,200,en,0.5", "valence is '1.5', expected a number 0..1")]
    [InlineData("Song,Band,2001,,0.5,x,120,pop,,0.1,-5,0.7,200,en,0.5", "energy is 'x'")]
    [InlineData(",Band,2001,,0.5,0.5,120,pop,,0.1,-5,0.7,200,en,0.5", "title and artist must not be empty")]
    [InlineData("Song,Band,year,,0.5,0.5,120,pop,,0.1,-5,0.7,200,en,0.5", "year is 'year'")]
    [InlineData("Song,Band,2001,,0.5,0.5,120,pop,,0.1,-5,0.7,,en,0.5", "duration_s is ''")]
    [InlineData("Song,Band,2001,,0.5,0.5,120,pop,,0.1,-5,0.7,200,en", "power is ''")]
    [InlineData("Good (feat. Guest),\"Band, Guest\",2001,,0.5,0.5,120,pop,,0.1,-5,0.7,200,en,0.5", "already listed on line 2")]
    public void A_bad_row_is_left_out_with_its_line_and_the_rest_load(string row, string problem)
    {
        var path = _temp.File("catalog.csv");
        File.WriteAllText(path, $"{Header}\n{Good}\n{row}\nAfter,Other,2002,,0.2,0.3,90,rock & indie,,0.5,-9,0.5,180,en,0.4\n");

        var catalog = MusicCatalog.Load(path);

        Assert.Equal(["Good", "After"], catalog.Tracks.Select(t => t.Title));
        var left = Assert.Single(catalog.Problems);
        Assert.Equal(3, left.Line);
        Assert.Contains(problem, left.ToString());
        Assert.StartsWith($"{path}:3:", left.ToString());
    }

    [Fact]
    public void A_spotify_id_used_twice_is_reported()
    {
        var path = _temp.File("catalog.csv");
        File.WriteAllText(path, $"{Header}\nA,X,2001,id1,0.5,0.5,120,pop,,0.1,-5,0.7,200,en,0.5\nB,Y,2001,id1,0.5,0.5,120,pop,,0.1,-5,0.7,200,en,0.5\n");

        var catalog = MusicCatalog.Load(path);

        Assert.Single(catalog.Tracks);
        Assert.Contains("spotify_id id1 is already used on line 2", Assert.Single(catalog.Problems).Message);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var path = _temp.File("catalog.csv");
        File.WriteAllText(path, "title,artist\nA,B\n");

        var error = Assert.Throws<InvalidDataException>(() => MusicCatalog.Load(path));

        Assert.Contains("missing column 'year'", error.Message);
    }

    [Fact]
    public void A_catalogue_without_one_usable_row_is_an_error_naming_the_first_problem()
    {
        var path = _temp.File("catalog.csv");
        File.WriteAllText(path, $"{Header}\nSong,Band,2001,,2,0.5,120,pop,,0.1,-5,0.7,200,en,0.5\n");

        var error = Assert.Throws<InvalidDataException>(() => MusicCatalog.Load(path));

        Assert.Contains("no usable tracks", error.Message);
        Assert.Contains(":2: valence is '2'", error.Message);
    }

    [Fact]
    public void A_written_catalogue_loads_back_the_same()
    {
        var tracks = TestCatalogs.Grid(3).Tracks.Select((t, i) => t with { Title = i == 0 ? "Comma, \"quoted\"" : t.Title, Style = "dance pop" }).ToList();
        var path = _temp.File("catalog.csv");

        Runtime.Music.CatalogFile.Write(path, tracks);
        var loaded = MusicCatalog.Load(path);

        Assert.Equal(tracks.Select(t => (t.Title, t.Artist, t.Genre, t.Language, t.DurationSeconds)),
            loaded.Tracks.Select(t => (t.Title, t.Artist, t.Genre, t.Language, t.DurationSeconds)));
        Assert.Equal(tracks.Select(t => Math.Round(t.Power, 3)), loaded.Tracks.Select(t => t.Power));
    }

    [Fact]
    public void Find_knows_a_song_by_any_spelling()
    {
        var catalog = new MusicCatalog([new Track("Starboy", "The Weeknd", 2016, null, 0.5, 0.5, 120, "pop")]);

        Assert.NotNull(catalog.Find("The Weeknd, Daft Punk", "Starboy (feat. Daft Punk)"));
        Assert.Null(catalog.Find("Somebody", "Starboy"));
    }
}
