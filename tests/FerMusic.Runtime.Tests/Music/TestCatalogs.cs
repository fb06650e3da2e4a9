using FerMusic.Runtime.Music;
using FerMusic.Tests;

namespace FerMusic.Runtime.Tests.Music;

internal static class TestCatalogs
{
    public static string Shipped => Path.Combine(SharedData.RepositoryRoot(), "data", "catalog.csv");

    private static readonly Lazy<MusicCatalog> ShippedCatalog = new(() => MusicCatalog.Load(Shipped));

    public static MusicCatalog LoadShipped() => ShippedCatalog.Value;

    /// <summary>A small catalogue on a grid over valence and energy, one artist per track, every track 100 s long.</summary>
    public static MusicCatalog Grid(int side = 6, string genre = "pop")
    {
        var tracks = new List<Track>();
        for (var v = 0; v < side; v++)
        {
            for (var e = 0; e < side; e++)
            {
                var n = v * side + e;
                tracks.Add(new Track($"Song {n}", $"Artist {n}", 1990 + n % 30, null, (v + 0.5) / side, (e + 0.5) / side, 120,
                    n % 3 == 0 ? "rock & indie" : genre, DurationSeconds: 100, Power: (n % 5) / 4.0, Language: n % 4 == 0 ? "es" : "en"));
            }
        }
        return new MusicCatalog(tracks);
    }
}
