using FerMusic.Runtime.Music;
using FerMusic.Tests;

namespace FerMusic.Runtime.Tests.Music;

public sealed class MusicCatalogTests : IDisposable
{
    private const string Header = "title,artist,year,spotify_id,valence,energy,tempo,genre";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_shipped_catalogue_covers_every_mood_quadrant()
    {
        var catalog = MusicCatalog.Load(CatalogFile.Shipped);

        Assert.InRange(catalog.Tracks.Count, 300, 1000);
        foreach (var (lowValence, lowEnergy) in new[] { (true, true), (true, false), (false, true), (false, false) })
        {
            var count = catalog.Tracks.Count(t => t.Valence < 0.5 == lowValence && t.Energy < 0.5 == lowEnergy);
            Assert.True(count >= 50, $"quadrant valence<0.5={lowValence} energy<0.5={lowEnergy} has {count} tracks");
        }
        Assert.Equal(catalog.Tracks.Count, catalog.Tracks.Select(t => t.Key).Distinct().Count());
    }

    [Theory]
    [InlineData("Song,Band,2001,,1.5,0.5,120,pop", "valence is '1.5', expected a number 0..1")]
    [InlineData("Song,Band,2001,,0.5,x,120,pop", "energy is 'x'")]
    [InlineData(",Band,2001,,0.5,0.5,120,pop", "title and artist must not be empty")]
    [InlineData("Song,Band,year,,0.5,0.5,120,pop", "year is 'year'")]
    public void A_bad_row_names_its_line(string row, string problem)
    {
        var path = _temp.File("catalog.csv");
        File.WriteAllText(path, $"{Header}\nGood,Band,2001,,0.5,0.5,120,pop\n{row}\n");

        var error = Assert.Throws<InvalidDataException>(() => MusicCatalog.Load(path));

        Assert.Contains($"{path}:3:", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var path = _temp.File("catalog.csv");
        File.WriteAllText(path, "title,artist\nA,B\n");

        var error = Assert.Throws<InvalidDataException>(() => MusicCatalog.Load(path));

        Assert.Contains("missing column 'year'", error.Message);
    }
}
