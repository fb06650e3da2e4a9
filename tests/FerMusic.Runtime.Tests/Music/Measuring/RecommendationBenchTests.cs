using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Music.Measuring;

namespace FerMusic.Runtime.Tests.Music.Measuring;

/// <summary>What the recommender promises, measured on the shipped catalogue by the code behind <c>recbench</c>.</summary>
public sealed class RecommendationBenchTests
{
    private static readonly Recommender Recommender = new(TestCatalogs.LoadShipped());
    private static readonly RecommendationBench Bench = new(Recommender);

    public static TheoryData<string> Emotions => new(RecommendationBench.Emotions);

    [Theory]
    [MemberData(nameof(Emotions))]
    public void A_steady_mood_gets_well_matched_tracks(string emotion)
    {
        var listener = new SimulatedListener(Recommender, MusicStrategy.Match, Circumplex.Of(emotion)).Listen(RecommendationBench.SteadyPicks - 1);

        var distance = listener.Tracks.Average(q => q.Distance);

        Assert.True(distance <= 0.12, $"{emotion}: mean distance of picks 1-50 to the target {distance:0.000}");
    }

    [Theory]
    [InlineData("sad", MusicStrategy.Match)]
    [InlineData("fear", MusicStrategy.Match)]
    [InlineData("happy", MusicStrategy.Iso)]
    public void Five_hundred_tracks_never_repeat_an_artist_or_a_title_within_ten(string emotion, MusicStrategy strategy)
    {
        var tracks = new SimulatedListener(Recommender, strategy, Circumplex.Of(emotion), preview: 0)
            .Listen(RecommendationBench.LongSession - 1).Tracks.Select(q => q.Track).ToList();

        Assert.Equal(RecommendationBench.LongSession, tracks.Count);
        Assert.Equal(tracks.Count, tracks.Select(t => t.Key).Distinct().Count());
        for (var i = 0; i + 10 <= tracks.Count; i++)
        {
            var window = tracks.Skip(i).Take(10).ToList();
            Assert.True(window.Select(t => t.MainArtist).Distinct().Count() == 10, $"tracks {i + 1}-{i + 10} repeat an artist");
            Assert.True(window.Select(t => t.NormalTitle).Distinct().Count() == 10, $"tracks {i + 1}-{i + 10} repeat a title");
        }
    }

    [Fact]
    public void Match_valence_orders_happy_above_neutral_above_sad()
    {
        double Valence(string emotion) => new SimulatedListener(Recommender, MusicStrategy.Match, Circumplex.Of(emotion)).Listen(9).Tracks.Average(q => q.Track.Valence);

        var (happy, neutral, sad) = (Valence("happy"), Valence("neutral"), Valence("sad"));

        Assert.True(happy - neutral >= 0.2 && neutral - sad >= 0.2, $"happy {happy:0.00}, neutral {neutral:0.00}, sad {sad:0.00}");
    }

    [Fact]
    public void Anger_and_fear_get_different_music()
    {
        Assert.InRange(Bench.Shared("angry", "fear"), 0, 3);
    }

    [Theory]
    [InlineData("sad", MusicStrategy.Match)]
    [InlineData("neutral", MusicStrategy.Uplift)]
    [InlineData("angry", MusicStrategy.Iso)]
    public void One_like_moves_at_least_two_of_the_next_ten_towards_the_liked_track(string emotion, MusicStrategy strategy)
    {
        var (changed, towards) = Bench.LikeEffect(strategy, Circumplex.Of(emotion));

        Assert.True(towards >= 2, $"{changed} of the next 10 changed, {towards} towards the liked track");
    }

    [Theory]
    [InlineData("sad", MusicStrategy.Match)]
    [InlineData("happy", MusicStrategy.Iso)]
    public void One_skip_replaces_the_track_at_once(string emotion, MusicStrategy strategy)
    {
        var (replaced, changed) = Bench.SkipEffect(strategy, Circumplex.Of(emotion));

        Assert.True(replaced);
        Assert.True(changed >= 1);
    }
}
