namespace FerMusic.Runtime.Music.Building;

/// <summary>What a catalogue build made: the tracks, the rows left out and why, and how the plane is covered.</summary>
public sealed record CatalogBuild(IReadOnlyList<Track> Tracks, IReadOnlyList<CatalogProblem> Problems, int SourceRows, int DistinctSongs, CellCoverage Coverage);

/// <summary>
/// Builds the catalogue from the public chart tables: every row read (bad ones reported with their line), one song
/// kept per main artist and normalised title (the most popular version, with a Spotify id if any version has one),
/// then spread over the valence/energy plane: in each 0.1 x 0.1 cell at most <see cref="CellCap"/> songs, the most
/// popular first, so the dense middle of the charts does not crowd out the calm, sad and tense corners.
/// </summary>
public static class CatalogBuilder
{
    public static CatalogBuild Build(string folder, int maxTracks = 3000)
    {
        var problems = new List<CatalogProblem>();
        var songs = new List<SourceSong>();
        var rows = 0;
        foreach (var table in SourceTable.Known)
        {
            foreach (var (song, problem) in table.Read(folder))
            {
                rows++;
                if (problem is not null)
                {
                    problems.Add(problem);
                }
                else
                {
                    songs.Add(song!);
                }
            }
        }
        var distinct = SameSongs(songs).Select(Merge).ToList();
        var cap = CellCap(distinct, maxTracks);
        var chosen = distinct
            .GroupBy(s => CellCoverage.Cell(s.Track))
            .SelectMany(cell => cell.OrderByDescending(s => s.Popularity).ThenBy(s => s.Track.Key, StringComparer.Ordinal).Take(cap))
            .Select(s => s.Track)
            .ToList();
        chosen = [.. WithPowerRanks(chosen).OrderBy(t => t.MainArtist, StringComparer.Ordinal).ThenBy(t => t.NormalTitle, StringComparer.Ordinal)];
        return new CatalogBuild(chosen, problems, rows, distinct.Count, CellCoverage.Of(chosen, distinct.Select(s => s.Track)));
    }

    /// <summary>
    /// How forceful a recording sounds, 0..1: half its loudness (-16 dB and quieter 0, -3 dB and louder 1), half how
    /// electric it is (1 - acousticness).
    /// </summary>
    public static double RawPower(Track t) => 0.5 * Math.Clamp((t.Loudness + 16) / 13, 0, 1) + 0.5 * (1 - t.Acousticness);

    /// <summary>Tracks within this much energy of each other are compared for power.</summary>
    public const double PowerBand = 0.05;

    /// <summary>
    /// Each track's power as its rank among tracks of about the same energy: loudness goes with energy, so a plain rank
    /// would only repeat the energy axis; within an energy band it tells the forceful (anger's music) from the tense
    /// but restrained (fear's), and a dominance of 0 aims at the middle of the band.
    /// </summary>
    private static IEnumerable<Track> WithPowerRanks(List<Track> tracks)
    {
        var raw = tracks.Select(RawPower).ToArray();
        return tracks.Select((t, i) =>
        {
            int below = 0, same = 0, band = 0;
            for (var j = 0; j < tracks.Count; j++)
            {
                if (Math.Abs(tracks[j].Energy - t.Energy) > PowerBand)
                {
                    continue;
                }
                band++;
                below += raw[j] < raw[i] ? 1 : 0;
                same += raw[j] == raw[i] ? 1 : 0;
            }
            return t with { Power = band == 1 ? 0.5 : Math.Round((below + (same - 1) / 2.0) / (band - 1), 3) };
        });
    }

    /// <summary>The largest per-cell cap that keeps the catalogue within <paramref name="maxTracks"/>.</summary>
    public static int CellCap(IReadOnlyCollection<SourceSong> songs, int maxTracks)
    {
        var counts = songs.GroupBy(s => CellCoverage.Cell(s.Track)).Select(g => g.Count()).ToList();
        var cap = counts.Count == 0 ? 0 : counts.Max();
        while (cap > 1 && counts.Sum(c => Math.Min(c, cap)) > maxTracks)
        {
            cap--;
        }
        return cap;
    }

    /// <summary>
    /// Versions of one song, grouped: the same normalised title with an artist in common ("Goosebumps" by HVME and its
    /// remix by Travis Scott and HVME), or the same Spotify id.
    /// </summary>
    public static IEnumerable<List<SourceSong>> SameSongs(IReadOnlyList<SourceSong> songs)
    {
        var parent = Enumerable.Range(0, songs.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        void Join(int a, int b) => parent[Root(a)] = Root(b);
        foreach (var group in Enumerable.Range(0, songs.Count).GroupBy(i => songs[i].Track.NormalTitle))
        {
            var members = group.ToList();
            for (var a = 0; a < members.Count; a++)
            {
                for (var b = a + 1; b < members.Count; b++)
                {
                    if (songs[members[a]].Track.SharesArtistWith(songs[members[b]].Track))
                    {
                        Join(members[a], members[b]);
                    }
                }
            }
        }
        foreach (var group in Enumerable.Range(0, songs.Count).Where(i => songs[i].Track.SpotifyId is not null).GroupBy(i => songs[i].Track.SpotifyId))
        {
            foreach (var other in group.Skip(1))
            {
                Join(group.First(), other);
            }
        }
        return Enumerable.Range(0, songs.Count).GroupBy(Root).Select(g => g.Select(i => songs[i]).ToList());
    }

    /// <summary>The most popular version's facts, with a Spotify id from a version that has one (by the same main artist first).</summary>
    private static SourceSong Merge(List<SourceSong> versions)
    {
        var best = versions.OrderByDescending(v => v.Popularity).ThenBy(v => v.Line).First();
        var id = best.Track.SpotifyId ?? versions
            .OrderByDescending(v => v.Track.MainArtist == best.Track.MainArtist).ThenByDescending(v => v.Popularity)
            .Select(v => v.Track.SpotifyId).FirstOrDefault(i => i is not null);
        return best with { Track = best.Track with { SpotifyId = id } };
    }
}

/// <summary>How many of the valence/energy plane's 0.1 x 0.1 cells hold a track, out of those the sources can fill.</summary>
public sealed record CellCoverage(int Filled, int Fillable)
{
    public static int Cell(Track t) => Math.Min(9, (int)(t.Valence * 10)) * 10 + Math.Min(9, (int)(t.Energy * 10));

    public static CellCoverage Of(IEnumerable<Track> chosen, IEnumerable<Track> available) =>
        new(chosen.Select(Cell).Distinct().Count(), available.Select(Cell).Distinct().Count());
}
