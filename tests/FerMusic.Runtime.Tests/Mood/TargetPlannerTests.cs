using FerMusic.Runtime.Mood;

namespace FerMusic.Runtime.Tests.Mood;

public sealed class TargetPlannerTests
{
    private static readonly Affect Sad = Circumplex.Of("sad");

    [Fact]
    public void Match_maps_the_mood_onto_the_music_scale()
    {
        var target = new TargetPlanner(MusicStrategy.Match).Next(new Affect(-1, 1));

        Assert.Equal(new MusicTarget(0, 1), target);
    }

    [Fact]
    public void Uplift_is_more_positive_than_match()
    {
        var match = new TargetPlanner(MusicStrategy.Match).Next(Sad);
        var uplift = new TargetPlanner(MusicStrategy.Uplift).Next(Sad);

        Assert.True(uplift.Valence > match.Valence);
    }

    [Fact]
    public void Iso_starts_matching_then_takes_bounded_steps_to_the_goal()
    {
        var planner = new TargetPlanner(MusicStrategy.Iso);
        var targets = Enumerable.Range(0, 20).Select(_ => planner.Next(Sad)).ToList();

        Assert.Equal(MusicTarget.Matching(Sad), targets[0]);
        foreach (var (a, b) in targets.Zip(targets.Skip(1)))
        {
            var step = Math.Sqrt(Math.Pow(b.Valence - a.Valence, 2) + Math.Pow(b.Energy - a.Energy, 2));
            Assert.True(step <= TargetPlanner.IsoStep + 1e-9, $"step {step}");
        }
        Assert.Equal(TargetPlanner.Goal, targets[^1]);
    }
}
