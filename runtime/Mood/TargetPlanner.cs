namespace FerMusic.Runtime.Mood;

/// <summary>
/// Chooses the music target for each next track from the current mood under a strategy. Match follows the mood;
/// Uplift sits part of the way from it towards a pleasant goal (never below the mood's own valence); Iso, the iso
/// principle of music therapy, starts where the listener is and moves about <see cref="IsoStep"/> of valence per track
/// towards the goal, counted in tracks since Iso began, always from the current mood's matching point, so it never
/// moves away from the goal and a listener already above it stays where they are.
/// </summary>
public sealed class TargetPlanner(MusicStrategy strategy)
{
    /// <summary>Where uplift and iso lead: pleasant, moderately energetic, moderately forceful music.</summary>
    public static readonly MusicTarget Goal = new(0.8, 0.65, 0.65);

    public const double UpliftShare = 0.6;

    /// <summary>Valence gained per track under Iso.</summary>
    public const double IsoStep = 0.1;

    private MusicStrategy _strategy = strategy;

    public MusicStrategy Strategy
    {
        get => _strategy;
        set
        {
            _strategy = value;
            IsoTracks = 0;
        }
    }

    /// <summary>Tracks played since Iso began.</summary>
    public int IsoTracks { get; private set; }

    /// <summary>The target for the track <paramref name="ahead"/> places after the next one (0: the next one).</summary>
    public MusicTarget Target(Affect mood, int ahead = 0)
    {
        var matching = MusicTarget.Matching(mood);
        return Strategy switch
        {
            MusicStrategy.Match => matching,
            MusicStrategy.Uplift => Uplift(matching),
            MusicStrategy.Iso => Iso(matching, IsoTracks + ahead),
            _ => throw new InvalidOperationException($"Unknown strategy {Strategy}."),
        };
    }

    /// <summary>A track was played: Iso moves on a step.</summary>
    public void Played() => IsoTracks++;

    private static MusicTarget Uplift(MusicTarget matching)
    {
        var target = matching.Towards(Goal, UpliftShare);
        return target with { Valence = Math.Max(matching.Valence, target.Valence), Energy = matching.Energy + (Goal.Energy - matching.Energy) * UpliftShare / 2 };
    }

    private static MusicTarget Iso(MusicTarget matching, int steps)
    {
        var gap = Goal.Valence - matching.Valence;
        if (gap <= 0)
        {
            return matching;
        }
        // Whole steps of about IsoStep (between 2/3 and 3/2 of it), so the last step is never a stub.
        var count = Math.Max(1, (int)Math.Round(gap / IsoStep));
        return matching.Towards(Goal, Math.Min(1, (double)steps / count));
    }
}
