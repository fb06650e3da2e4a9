using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Music;

namespace FerMusic.Runtime.Tests.Music;

public sealed class RecommenderTests
{
    private static readonly MusicCatalog Catalog = MusicCatalog.Load(CatalogFile.Shipped);

    private static IReadOnlyList<Track> Pick(string emotion, MusicStrategy strategy = MusicStrategy.Match, ListeningSession? session = null) =>
        new Recommender(Catalog).Recommend(new TargetPlanner(strategy).Next(Circumplex.Of(emotion)), 10, session ?? new ListeningSession());

    [Fact]
    public void Matching_picks_for_happy_are_more_positive_than_for_sad()
    {
        Assert.True(Pick("happy").Average(t => t.Valence) > Pick("sad").Average(t => t.Valence) + 0.3);
    }

    [Fact]
    public void Matching_picks_for_angry_are_more_energetic_than_for_sad()
    {
        Assert.True(Pick("angry").Average(t => t.Energy) > Pick("sad").Average(t => t.Energy));
    }

    [Theory]
    [InlineData("happy")]
    [InlineData("sad")]
    [InlineData("neutral")]
    public void No_artist_appears_twice_in_a_top_ten(string emotion)
    {
        var picks = Pick(emotion);

        Assert.Equal(10, picks.Count);
        Assert.Equal(10, picks.Select(t => t.Artist.ToLowerInvariant()).Distinct().Count());
    }

    [Fact]
    public void Nothing_repeats_within_a_session()
    {
        var session = new ListeningSession();
        var recommender = new Recommender(Catalog);
        var target = MusicTarget.Matching(Circumplex.Of("happy"));

        var all = Enumerable.Range(0, 8).SelectMany(_ => recommender.Recommend(target, 10, session)).ToList();

        Assert.Equal(80, all.Count);
        Assert.Equal(all.Count, all.Select(t => t.Key).Distinct().Count());
    }

    [Fact]
    public void Skipping_an_artist_keeps_them_out_of_later_picks()
    {
        var session = new ListeningSession();
        var recommender = new Recommender(Catalog);
        var target = MusicTarget.Matching(Circumplex.Of("happy"));
        var first = recommender.Recommend(target, 10, session);
        session.Skip(first[0]);
        var artist = first[0].Artist;
        var laterBySameArtist = Catalog.Tracks.Any(t => t.Artist == artist && !session.WasPlayed(t));

        var next = recommender.Recommend(target, 10, session);

        Assert.True(!laterBySameArtist || next.All(t => t.Artist != artist));
    }
}
