namespace FerMusic.Runtime.Mood;

/// <summary>
/// Chooses the music target for a mood under a strategy. For <see cref="MusicStrategy.Iso"/> it remembers where
/// the last pick was and moves at most <see cref="IsoStep"/> towards the positive goal each time.
/// </summary>
public sealed class TargetPlanner(MusicStrategy strategy)
{
    /// <summary>Where uplift and iso lead: pleasant, moderately energetic music.</summary>
    public static readonly MusicTarget Goal = new(0.8, 0.65);

    public const double UpliftShare = 0.6;
    public const double IsoStep = 0.1;

    private MusicTarget? _last;

    public MusicStrategy Strategy { get; set; } = strategy;

    public MusicTarget Next(Affect mood)
    {
        var matching = MusicTarget.Matching(mood);
        var target = Strategy switch
        {
            MusicStrategy.Match => matching,
            MusicStrategy.Uplift => new MusicTarget(
                Math.Max(matching.Valence, matching.Valence + (Goal.Valence - matching.Valence) * UpliftShare),
                matching.Energy + (Goal.Energy - matching.Energy) * UpliftShare / 2),
            MusicStrategy.Iso => _last is { } last ? Step(last, Goal) : matching,
            _ => throw new ArgumentOutOfRangeException(nameof(Strategy)),
        };
        _last = target;
        return target;
    }

    private static MusicTarget Step(MusicTarget from, MusicTarget to)
    {
        var dv = to.Valence - from.Valence;
        var de = to.Energy - from.Energy;
        var distance = Math.Sqrt(dv * dv + de * de);
        if (distance <= IsoStep)
        {
            return to;
        }
        var share = IsoStep / distance;
        return new MusicTarget(from.Valence + dv * share, from.Energy + de * share);
    }
}
