using FerMusic.Runtime.Mood;

namespace FerMusic.Runtime.Music;

/// <summary>A planned track, with the target it was chosen for and how far from it it sits.</summary>
public sealed record QueuedTrack(Track Track, MusicTarget Target, double Distance);

/// <summary>
/// Chooses the next track for a target: the nearest by valence, energy and power, moved by the listener's taste,
/// among songs the session has not had, whose artists and title are not among the last tracks. When the well-matched
/// songs are used up the pool widens by itself (the next nearest), and once everything within the filter has played
/// the session starts again, so a pick is never missing. Shared by all listeners; keeps no state of its own.
/// </summary>
public sealed class Recommender(MusicCatalog catalog)
{
    public MusicCatalog Catalog => catalog;

    /// <param name="planned">Tracks already planned ahead of this one, treated like recent ones.</param>
    public QueuedTrack Next(MusicTarget target, ListeningSession session, MusicFilter? filter = null, IReadOnlyList<Track>? planned = null)
    {
        filter ??= MusicFilter.Any;
        planned ??= [];
        var adjusted = session.Adjust(target);
        var best = Best(adjusted, session, filter, planned, strict: true);
        if (best is null && catalog.Tracks.Any(filter.Allows))
        {
            session.ForgetPlayed();
            best = Best(adjusted, session, filter, planned, strict: true) ?? Best(adjusted, session, filter, planned, strict: false);
        }
        best ??= Best(adjusted, session, MusicFilter.Any, planned, strict: false)
            ?? throw new InvalidOperationException("The catalogue has no tracks.");
        return new QueuedTrack(best, target, target.DistanceTo(best));
    }

    private Track? Best(MusicTarget target, ListeningSession session, MusicFilter filter, IReadOnlyList<Track> planned, bool strict)
    {
        // What the last tracks and the planned ones rule out, gathered once per pick.
        var artists = new HashSet<string>(StringComparer.Ordinal);
        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var other in session.Recent.Concat(planned))
        {
            artists.UnionWith(other.Artists);
            titles.Add(other.NormalTitle);
        }
        Track? best = null;
        var bestScore = double.MaxValue;
        foreach (var track in catalog.Tracks)
        {
            if (!filter.Allows(track) || (strict && !Allowed(track, session, artists, titles)))
            {
                continue;
            }
            var score = target.DistanceTo(track) + session.Preference(track);
            if (score < bestScore || (score == bestScore && best is not null && string.CompareOrdinal(track.Key, best.Key) < 0))
            {
                best = track;
                bestScore = score;
            }
        }
        return best;
    }

    private static bool Allowed(Track track, ListeningSession session, HashSet<string> artists, HashSet<string> titles)
    {
        if (titles.Contains(track.NormalTitle) || session.WasPlayed(track) || session.WasSkipped(track))
        {
            return false;
        }
        foreach (var artist in track.Artists)
        {
            if (artists.Contains(artist))
            {
                return false;
            }
        }
        return true;
    }
}
