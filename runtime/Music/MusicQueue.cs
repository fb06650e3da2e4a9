using FerMusic.Runtime.Mood;

namespace FerMusic.Runtime.Music;

/// <summary>
/// One listener's playing queue. The track playing now, and a preview of the next few, each planned from the
/// current mood: when a track ends (after its duration, or when the player says so), is skipped or the listener asks
/// for the next, the next track is chosen afresh from the mood at that moment, so a steady mood keeps getting new,
/// well-matched tracks and a changed mood takes effect within one track. Time is in seconds on the caller's clock.
/// </summary>
public sealed class MusicQueue(Recommender recommender, MusicStrategy strategy, int preview = 4)
{
    private readonly List<QueuedTrack> _upcoming = [];
    private Affect _mood;

    public TargetPlanner Planner { get; } = new(strategy);

    public ListeningSession Session { get; } = new();

    public MusicCatalog Catalog => recommender.Catalog;

    public MusicFilter Filter { get; private set; } = MusicFilter.Any;

    /// <summary>The track playing, or null before the first mood is known.</summary>
    public QueuedTrack? Now { get; private set; }

    /// <summary>When <see cref="Now"/> started.</summary>
    public double StartedAt { get; private set; }

    public IReadOnlyList<QueuedTrack> Upcoming => _upcoming;

    /// <summary>How many tracks have started.</summary>
    public int Played { get; private set; }

    public MusicStrategy Strategy
    {
        get => Planner.Strategy;
        set
        {
            Planner.Strategy = value;
            Replan();
        }
    }

    /// <summary>
    /// The mood now: starts the queue on the first mood, moves on when the playing track has run its length, and
    /// re-plans the preview when <paramref name="moodChanged"/>. True when the queue changed.
    /// </summary>
    public bool Update(Affect mood, double seconds, bool moodChanged)
    {
        _mood = mood;
        if (Now is null)
        {
            Advance(seconds);
            return true;
        }
        if (seconds - StartedAt >= Now.Track.DurationSeconds)
        {
            Advance(seconds);
            return true;
        }
        if (moodChanged)
        {
            Replan();
            return true;
        }
        return false;
    }

    /// <summary>The next track starts, chosen now from the current mood.</summary>
    public void Advance(double seconds)
    {
        Now = recommender.Next(Planner.Target(_mood), Session, Filter);
        Session.MarkPlayed(Now.Track);
        Planner.Played();
        StartedAt = seconds;
        Played++;
        Replan();
    }

    /// <summary>Ends the playing track early when it is the one named (a player's "ended" that arrives late is ignored).</summary>
    public bool Ended(Track track, double seconds)
    {
        if (Now is null || Now.Track.Key != track.Key)
        {
            return false;
        }
        Advance(seconds);
        return true;
    }

    public void Like(Track track)
    {
        Session.Like(track, TargetOf(track));
        Replan();
    }

    /// <summary>Skips a track: the playing one is replaced by the next at once, a planned one by another.</summary>
    public void Skip(Track track, double seconds)
    {
        Session.Skip(track, TargetOf(track));
        if (Now is not null && Now.Track.Key == track.Key)
        {
            Advance(seconds);
        }
        else
        {
            Replan();
        }
    }

    public void SetFilter(MusicFilter filter)
    {
        Filter = filter;
        Replan();
    }

    /// <summary>Plans the preview afresh from the current mood.</summary>
    public void Replan()
    {
        _upcoming.Clear();
        if (Now is null)
        {
            return;
        }
        var planned = new List<Track> { Now.Track };
        for (var ahead = 0; ahead < preview; ahead++)
        {
            var next = recommender.Next(Planner.Target(_mood, ahead), Session, Filter, planned);
            _upcoming.Add(next);
            planned.Add(next.Track);
        }
    }

    private MusicTarget TargetOf(Track track) =>
        (Now?.Track.Key == track.Key ? Now : _upcoming.FirstOrDefault(q => q.Track.Key == track.Key))?.Target ?? Planner.Target(_mood);
}
