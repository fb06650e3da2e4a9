using FerMusic.Runtime.Mood;

namespace FerMusic.Runtime.Tests.Mood;

public sealed class TargetPlannerTests
{
    private static readonly Affect Sad = Circumplex.Of("sad");

    public static TheoryData<string> Emotions => new(["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"]);

    [Fact]
    public void Match_maps_the_mood_onto_the_music_scale()
    {
        var target = new TargetPlanner(MusicStrategy.Match).Target(new Affect(-1, 1, -1));

        Assert.Equal(new MusicTarget(0, 1, 0), target);
    }

    [Fact]
    public void Uplift_is_more_positive_than_match()
    {
        var match = new TargetPlanner(MusicStrategy.Match).Target(Sad);
        var uplift = new TargetPlanner(MusicStrategy.Uplift).Target(Sad);

        Assert.True(uplift.Valence > match.Valence);
    }

    [Theory]
    [MemberData(nameof(Emotions))]
    public void Iso_starts_matching_then_steps_towards_the_goal_every_track_and_never_away(string emotion)
    {
        var mood = Circumplex.Of(emotion);
        var planner = new TargetPlanner(MusicStrategy.Iso);
        var targets = new List<MusicTarget>();
        for (var track = 0; track < 15; track++)
        {
            targets.Add(planner.Target(mood));
            planner.Played();
        }

        Assert.Equal(MusicTarget.Matching(mood), targets[0]);
        foreach (var (a, b) in targets.Zip(targets.Skip(1)))
        {
            var step = b.Valence - a.Valence;
            if (a.Valence < TargetPlanner.Goal.Valence - 1e-9)
            {
                Assert.InRange(step, 0.05, 0.15);
            }
            else
            {
                Assert.Equal(0, step, 9); // at the goal, or above it (happy): it stays
            }
        }
        Assert.True(targets[^1].Valence >= TargetPlanner.Goal.Valence - 1e-9);
    }

    [Fact]
    public void Iso_plans_ahead_without_moving_on()
    {
        var planner = new TargetPlanner(MusicStrategy.Iso);

        var second = planner.Target(Sad, ahead: 1);

        Assert.Equal(MusicTarget.Matching(Sad), planner.Target(Sad));
        planner.Played();
        Assert.Equal(second, planner.Target(Sad));
    }

    [Fact]
    public void Anger_and_fear_aim_at_different_power()
    {
        var angry = MusicTarget.Matching(Circumplex.Of("angry"));
        var fear = MusicTarget.Matching(Circumplex.Of("fear"));

        Assert.True(angry.Power - fear.Power > 0.3, $"angry {angry.Power}, fear {fear.Power}");
    }
}
