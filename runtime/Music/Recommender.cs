using FerMusic.Runtime.Mood;

namespace FerMusic.Runtime.Music;

/// <summary>
/// Picks the tracks nearest a valence/energy target, at most one per artist, never one the session has had.
/// Once the session has had most of the catalogue, fewer tracks than asked for come back.
/// </summary>
public sealed class Recommender(MusicCatalog catalog)
{
    public IReadOnlyList<Track> Recommend(MusicTarget target, int count, ListeningSession session)
    {
        var picks = Pick(target, count, session);
        session.MarkPlayed(picks);
        return picks;
    }

    private List<Track> Pick(MusicTarget target, int count, ListeningSession session)
    {
        var ranked = catalog.Tracks
            .Where(t => !session.WasPlayed(t))
            .OrderBy(t => Distance(t, target) + session.Preference(t))
            .ThenBy(t => t.Artist, StringComparer.Ordinal)
            .ThenBy(t => t.Title, StringComparer.Ordinal);
        var artists = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var picks = new List<Track>(count);
        foreach (var track in ranked)
        {
            if (artists.Add(track.Artist))
            {
                picks.Add(track);
                if (picks.Count == count)
                {
                    break;
                }
            }
        }
        return picks;
    }

    private static double Distance(Track track, MusicTarget target) =>
        Math.Sqrt(Math.Pow(track.Valence - target.Valence, 2) + Math.Pow(track.Energy - target.Energy, 2));
}
