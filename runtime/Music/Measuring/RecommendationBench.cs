using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Music.Building;

namespace FerMusic.Runtime.Music.Measuring;

/// <summary>One emotion under one strategy, measured over a simulated session with a steady mood.</summary>
public sealed record StrategyMeasure(
    string Emotion,
    MusicStrategy Strategy,
    double MeanDistance,
    double MeanValence,
    int MinArtistsPer10,
    int MaxDuplicateTitlesPer10,
    int TracksUntilRepeat,
    int Picks,
    double MinIsoStep,
    double MaxIsoStep,
    int LikeChanges,
    int LikeTowards,
    bool SkipReplaces,
    int SkipChanges);

/// <summary>
/// Measures the recommender on simulated sessions, per emotion and strategy: how close picks sit to their targets,
/// how varied they are, when the first song comes round again, how Iso steps, and how much one like or skip
/// changes what follows. Deterministic: the same catalogue gives the same numbers.
/// </summary>
public sealed class RecommendationBench(Recommender recommender)
{
    public const int SteadyPicks = 50;
    public const int LongSession = 500;
    public const int Window = 10;

    public static readonly string[] Emotions = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"];

    public StrategyMeasure Measure(string emotion, MusicStrategy strategy)
    {
        var mood = Circumplex.Of(emotion);
        var session = new SimulatedListener(recommender, strategy, mood).Listen(LongSession - 1);
        var tracks = session.Tracks;
        var first = tracks.Take(SteadyPicks).ToList();
        var windows = Enumerable.Range(0, tracks.Count - Window + 1).Select(i => tracks.Skip(i).Take(Window).Select(q => q.Track).ToList()).ToList();
        var steps = first.Zip(first.Skip(1), (a, b) => b.Target.Valence - a.Target.Valence).ToList();
        var moving = steps.Where((s, i) => first[i].Target.Valence < TargetPlanner.Goal.Valence - 1e-9).ToList();
        var (likeChanges, likeTowards) = LikeEffect(strategy, mood);
        var (skipReplaces, skipChanges) = SkipEffect(strategy, mood);
        return new StrategyMeasure(
            emotion,
            strategy,
            first.Average(q => q.Distance),
            tracks.Take(Window).Average(q => q.Track.Valence),
            windows.Min(w => w.SelectMany(t => t.Artists.Take(1)).Distinct().Count()),
            windows.Max(w => w.Count - w.Select(t => t.NormalTitle).Distinct().Count()),
            UntilRepeat(strategy, mood),
            tracks.Count,
            moving.Count == 0 ? 0 : moving.Min(),
            moving.Count == 0 ? 0 : moving.Max(),
            likeChanges,
            likeTowards,
            skipReplaces,
            skipChanges);
    }

    /// <summary>Tracks that start before the first song comes round again (capped a little past the catalogue's size).</summary>
    public int UntilRepeat(MusicStrategy strategy, Affect mood)
    {
        var listener = new SimulatedListener(recommender, strategy, mood, preview: 0);
        var seen = new HashSet<string>();
        var cap = recommender.Catalog.Tracks.Count + Window;
        for (var i = 0; i < cap; i++)
        {
            if (!seen.Add(listener.Tracks[^1].Track.Key))
            {
                return i;
            }
            listener.Listen(1);
        }
        return cap;
    }

    /// <summary>After five tracks, a like of the fifth: how many of the next ten differ, and how many of those sit nearer the liked track.</summary>
    public (int Changed, int Towards) LikeEffect(MusicStrategy strategy, Affect mood)
    {
        var plain = new SimulatedListener(recommender, strategy, mood).Listen(4);
        var liking = new SimulatedListener(recommender, strategy, mood).Listen(4);
        var liked = liking.Queue.Now!.Track;
        liking.Like();
        var before = plain.Listen(Window).Tracks.TakeLast(Window).Select(q => q.Track).ToList();
        var after = liking.Listen(Window).Tracks.TakeLast(Window).Select(q => q.Track).ToList();
        var changed = before.Zip(after).Count(p => p.First.Key != p.Second.Key);
        var towards = before.Zip(after).Count(p => p.First.Key != p.Second.Key && Closeness(p.Second, liked) > Closeness(p.First, liked));
        return (changed, towards);
    }

    /// <summary>After five tracks, a skip of the fifth: whether it is replaced at once, and how many of the next ten differ.</summary>
    public (bool Replaced, int Changed) SkipEffect(MusicStrategy strategy, Affect mood)
    {
        var plain = new SimulatedListener(recommender, strategy, mood).Listen(4);
        var skipping = new SimulatedListener(recommender, strategy, mood).Listen(4);
        var skipped = skipping.Queue.Now!.Track;
        skipping.Skip();
        var replaced = skipping.Queue.Now!.Track.Key != skipped.Key && skipping.Tracks.Count == plain.Tracks.Count + 1;
        var before = plain.Listen(Window).Tracks.TakeLast(Window).Select(q => q.Track.Key).ToList();
        var after = skipping.Tracks.TakeLast(1).Concat(skipping.Listen(Window - 1).Tracks.TakeLast(Window - 1)).Select(q => q.Track.Key).ToList();
        return (replaced, before.Zip(after).Count(p => p.First != p.Second));
    }

    /// <summary>How alike two tracks are: a shared artist or genre, and nearness in valence, energy and power.</summary>
    public static double Closeness(Track track, Track liked) =>
        (track.SharesArtistWith(liked) ? 1 : 0) + (track.Genre == liked.Genre ? 0.5 : 0)
        - new MusicTarget(liked.Valence, liked.Energy, liked.Power).DistanceTo(track);

    /// <summary>Tracks the first ten picks of two emotions have in common (Match).</summary>
    public int Shared(string a, string b, MusicStrategy strategy = MusicStrategy.Match)
    {
        var first = new SimulatedListener(recommender, strategy, Circumplex.Of(a)).Listen(Window - 1).Tracks.Select(q => q.Track.Key);
        var second = new SimulatedListener(recommender, strategy, Circumplex.Of(b)).Listen(Window - 1).Tracks.Select(q => q.Track.Key);
        return first.Intersect(second).Count();
    }

    public CellCoverage Coverage() => CellCoverage.Of(recommender.Catalog.Tracks, recommender.Catalog.Tracks);
}
