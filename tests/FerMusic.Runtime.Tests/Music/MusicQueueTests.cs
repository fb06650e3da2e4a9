using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Music;

namespace FerMusic.Runtime.Tests.Music;

public sealed class MusicQueueTests
{
    private static readonly Affect Sad = Circumplex.Of("sad");
    private static readonly Affect Happy = Circumplex.Of("happy");

    private static MusicQueue Queue(MusicStrategy strategy = MusicStrategy.Match) => new(new Recommender(TestCatalogs.Grid()), strategy);

    [Fact]
    public void The_first_mood_starts_a_track_and_plans_the_next_ones()
    {
        var queue = Queue();

        Assert.True(queue.Update(Sad, 0, moodChanged: true));

        Assert.NotNull(queue.Now);
        Assert.Equal(4, queue.Upcoming.Count);
        Assert.DoesNotContain(queue.Upcoming, q => q.Track.Key == queue.Now!.Track.Key);
    }

    [Fact]
    public void A_steady_mood_keeps_getting_new_tracks_as_each_one_ends()
    {
        var queue = Queue();
        queue.Update(Sad, 0, true);
        var seen = new List<string> { queue.Now!.Track.Key };

        for (var t = 1; t <= 10; t++)
        {
            Assert.False(queue.Update(Sad, t * 100 - 1, false)); // still playing
            Assert.True(queue.Update(Sad, t * 100, false)); // ended after its 100 s
            seen.Add(queue.Now!.Track.Key);
        }

        Assert.Equal(11, seen.Distinct().Count());
        Assert.Equal(11, queue.Played);
    }

    [Fact]
    public void A_changed_mood_takes_effect_with_the_next_track()
    {
        var queue = Queue();
        queue.Update(Sad, 0, true);
        var sadTrack = queue.Now!.Track;

        Assert.True(queue.Update(Happy, 10, moodChanged: true));
        Assert.Equal(sadTrack, queue.Now!.Track); // the playing track plays on
        Assert.All(queue.Upcoming, q => Assert.True(q.Track.Valence > 0.6, $"{q.Track.Title} planned at valence {q.Track.Valence}"));

        queue.Update(Happy, 100, false);
        Assert.True(queue.Now!.Track.Valence > 0.6);
    }

    [Fact]
    public void Skipping_the_playing_track_replaces_it_at_once_and_skipping_a_planned_one_replaces_that()
    {
        var queue = Queue();
        queue.Update(Sad, 0, true);
        var playing = queue.Now!.Track;
        var planned = queue.Upcoming[1].Track;

        queue.Skip(planned, 5);
        Assert.Equal(playing, queue.Now!.Track);
        Assert.DoesNotContain(queue.Upcoming, q => q.Track == planned);
        Assert.Equal(4, queue.Upcoming.Count);

        queue.Skip(playing, 6);
        Assert.NotEqual(playing, queue.Now!.Track);
        Assert.Equal(6, queue.StartedAt);
    }

    [Fact]
    public void A_late_ended_for_a_track_no_longer_playing_is_ignored()
    {
        var queue = Queue();
        queue.Update(Sad, 0, true);
        var first = queue.Now!.Track;
        queue.Advance(50);
        var second = queue.Now!.Track;

        Assert.False(queue.Ended(first, 60));
        Assert.Equal(second, queue.Now!.Track);
        Assert.True(queue.Ended(second, 70));
        Assert.NotEqual(second, queue.Now!.Track);
    }

    [Fact]
    public void Iso_moves_towards_the_goal_track_by_track()
    {
        var queue = Queue(MusicStrategy.Iso);
        queue.Update(Sad, 0, true);
        var targets = new List<double> { queue.Now!.Target.Valence };

        for (var i = 1; i <= 8; i++)
        {
            queue.Advance(i * 100);
            targets.Add(queue.Now!.Target.Valence);
        }

        Assert.Equal(MusicTarget.Matching(Sad).Valence, targets[0], 9);
        Assert.All(targets.Zip(targets.Skip(1)).Where(p => p.First < TargetPlanner.Goal.Valence - 1e-9),
            p => Assert.InRange(p.Second - p.First, 0.05, 0.15));
        Assert.Equal(TargetPlanner.Goal.Valence, targets[^1], 9);
    }

    [Fact]
    public void A_filter_applies_to_the_plan_at_once()
    {
        var queue = Queue();
        queue.Update(Sad, 0, true);

        queue.SetFilter(new MusicFilter(Language: "es"));

        Assert.All(queue.Upcoming, q => Assert.Equal("es", q.Track.Language));
    }
}
