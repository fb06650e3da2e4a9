using FerMusic.Runtime.Music.Building;
using FerMusic.Tests;

namespace FerMusic.Runtime.Tests.Music.Building;

public sealed class CatalogBuilderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private const string ChartHeader = "Index,Highest Charting Position,Number of Times Charted,Week of Highest Charting,Song Name,Streams,Artist,Artist Followers,Song ID,Genre,Release Date,Weeks Charted,Popularity,Danceability,Energy,Loudness,Speechiness,Acousticness,Liveness,Tempo,Duration (ms),Valence,Chord";
    private const string TopHeader = ",title,artist,top genre,year,bpm,nrgy,dnce,dB,live,val,dur,acous,spch,pop";
    private const string ClassicHeader = "Index;Title;Artist;Top Genre;Year;Beats Per Minute (BPM);Energy;Danceability;Loudness (dB);Liveness;Valence;Length (Duration);Acousticness;Speechiness;Popularity";

    /// <summary>The three source tables in their own formats, with a few rows each.</summary>
    private string Sources(string[] chart, string[] top, string[] classic)
    {
        var folder = _temp.Path;
        File.WriteAllText(Path.Combine(folder, "spotify_top200_2020_2021.csv"), string.Join('\n', [ChartHeader, .. chart]) + "\n");
        File.WriteAllText(Path.Combine(folder, "top10s.csv"), string.Join('\n', [TopHeader, .. top]) + "\n");
        File.WriteAllText(Path.Combine(folder, "Spotify-2000.csv"), string.Join('\n', [ClassicHeader, .. classic]) + "\n");
        return folder;
    }

    private static string Chart(string title, string artist, string id, string genre, int popularity, double valence, double energy = 0.7) =>
        $"1,1,1,w,\"{title}\",\"1,000.00\",\"{artist}\",\"10.00\",{id},\"{genre}\",2020-01-10,\"w\",{popularity},0.7,{energy},-5.0,0.1,0.2,0.1,120.0,\"200,000.00\",{valence},C";

    [Fact]
    public void Versions_of_one_song_become_one_track_the_most_popular_with_its_spotify_id()
    {
        var folder = Sources(
            [
                Chart("Goosebumps", "HVME", "id-hvme", "['dance pop']", 80, 0.4),
                Chart("Goosebumps - Remix", "Travis Scott, HVME", "id-remix", "['rap']", 90, 0.5),
                Chart("Stay", "Other Artist", "id-stay", "['pop']", 50, 0.6),
            ],
            ["1,Goosebumps,HVME,dance pop,2020,120,70,70,-5,10,40,200,20,5,95"],
            ["1;Stay;Another Band;album rock;1999;100;50;50;-8;10;30;240;40;5;60"]);

        var build = CatalogBuilder.Build(folder);

        Assert.Empty(build.Problems);
        Assert.Equal(5, build.SourceRows);
        Assert.Equal(3, build.Tracks.Count); // Goosebumps once; "Stay" by two different artists is two songs
        var goosebumps = Assert.Single(build.Tracks, t => t.NormalTitle == "goosebumps");
        Assert.Equal("HVME", goosebumps.Artist); // top10s has it at popularity 95
        Assert.Equal("id-hvme", goosebumps.SpotifyId); // from the chart version by the same main artist
        Assert.Equal(0.4, goosebumps.Valence, 6);
        Assert.Equal("rock & indie", Assert.Single(build.Tracks, t => t.Artist == "Another Band").Genre);
    }

    [Fact]
    public void Bad_rows_are_reported_with_file_and_line_and_the_rest_is_built()
    {
        var folder = Sources(
            [Chart("Fine", "A", "id-a", "['pop']", 50, 0.5), "2,2,1,w,\"No Features\",\"1.00\",\"B\",\"1.00\",id-b, , , , , , , , , , , , , , "],
            ["1,Zero Tempo,C,pop,2016,0,0,0,-60,0,0,227,0,0,0", "2,Fine Too,D,pop,2016,100,50,50,-6,10,50,200,10,5,70"],
            ["1;Bad Energy;E;pop;2001;100;x;50;-8;10;30;240;40;5;60"]);

        var build = CatalogBuilder.Build(folder);

        Assert.Equal(["Fine", "Fine Too"], build.Tracks.Select(t => t.Title).Order());
        Assert.Collection(build.Problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line),
            p => Assert.Equal(("Spotify-2000.csv", 2L, true), (Path.GetFileName(p.File), p.Line, p.Message.Contains("Energy is 'x'"))),
            p => Assert.Equal(("spotify_top200_2020_2021.csv", 3L, true), (Path.GetFileName(p.File), p.Line, p.Message.Contains("release year is ''"))),
            p => Assert.Equal(("top10s.csv", 2L, true), (Path.GetFileName(p.File), p.Line, p.Message.Contains("bpm is '0'"))));
    }

    [Fact]
    public void Dense_cells_are_trimmed_to_the_cap_and_sparse_ones_kept_whole()
    {
        var dense = Enumerable.Range(0, 10).Select(i => Chart($"Dense {i}", $"Artist {i}", $"d{i}", "['pop']", 90 - i, 0.55, 0.55));
        var sparse = Enumerable.Range(0, 2).Select(i => Chart($"Sparse {i}", $"Loner {i}", $"s{i}", "['pop']", 10, 0.05, 0.05));
        var folder = Sources([.. dense, .. sparse], [], []);

        var build = CatalogBuilder.Build(folder, maxTracks: 6);

        Assert.Equal(2, build.Tracks.Count(t => t.Title.StartsWith("Sparse", StringComparison.Ordinal)));
        var kept = build.Tracks.Where(t => t.Title.StartsWith("Dense", StringComparison.Ordinal)).Select(t => t.Title).Order().ToList();
        Assert.Equal(["Dense 0", "Dense 1", "Dense 2", "Dense 3"], kept); // the most popular of the dense cell
        Assert.Equal(new CellCoverage(2, 2), build.Coverage);
    }

    [Fact]
    public void Power_ranks_tracks_of_similar_energy_by_loudness_and_electric_sound()
    {
        var quiet = "1,1,1,w,\"Quiet\",\"1.00\",\"Q\",\"1.00\",q,\"['pop']\",2020-01-01,\"w\",50,0.7,0.8,-14.0,0.1,0.9,0.1,120.0,\"200,000.00\",0.3,C";
        var loud = "2,1,1,w,\"Loud\",\"1.00\",\"L\",\"1.00\",l,\"['pop']\",2020-01-01,\"w\",50,0.7,0.8,-3.0,0.1,0.0,0.1,120.0,\"200,000.00\",0.3,C";
        var calm = "3,1,1,w,\"Calm\",\"1.00\",\"K\",\"1.00\",k,\"['pop']\",2020-01-01,\"w\",50,0.7,0.2,-20.0,0.1,0.9,0.1,120.0,\"200,000.00\",0.3,C";
        var build = CatalogBuilder.Build(Sources([quiet, loud, calm], [], []));

        Assert.Equal(0, build.Tracks.Single(t => t.Title == "Quiet").Power);
        Assert.Equal(1, build.Tracks.Single(t => t.Title == "Loud").Power);
        Assert.Equal(0.5, build.Tracks.Single(t => t.Title == "Calm").Power); // alone in its energy band: the middle
    }

    [Fact]
    public void A_missing_source_table_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => CatalogBuilder.Build(_temp.Path));

        Assert.Contains("spotify_top200_2020_2021.csv", error.Message);
    }

    [Fact]
    public void The_shared_chart_tables_build_a_catalogue_of_thousands_with_every_fillable_cell_filled()
    {
        var music = Path.GetDirectoryName(SharedData.Require(Path.Combine(SharedData.Root, "data", "music", "top10s.csv")))!;

        var build = CatalogBuilder.Build(music);

        Assert.InRange(build.Tracks.Count, 2000, 3000);
        Assert.Equal(build.Coverage.Fillable, build.Coverage.Filled);
        Assert.Equal(build.Tracks.Count, build.Tracks.Select(t => t.Key).Distinct().Count());
        Assert.Equal(build.Tracks.Count, build.Tracks.Where(t => t.SpotifyId is not null).Select(t => t.SpotifyId).Distinct().Count() + build.Tracks.Count(t => t.SpotifyId is null));
        Assert.Equal(12, build.Problems.Count); // 11 chart rows without audio features, one top-10 row of zeros
        Assert.Contains(build.Tracks, t => t.Artist == "Beyoncé"); // read as UTF-8
    }
}
