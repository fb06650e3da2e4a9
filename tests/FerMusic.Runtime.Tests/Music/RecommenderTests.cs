using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Music;

namespace FerMusic.Runtime.Tests.Music;

public sealed class RecommenderTests
{
    [Fact]
    public void The_nearest_track_to_the_target_comes_first()
    {
        var catalog = TestCatalogs.Grid();
        var target = new MusicTarget(0.1, 0.9, catalog.Tracks[0].Power);

        var pick = new Recommender(catalog).Next(target, new ListeningSession());

        var nearest = catalog.Tracks.MinBy(target.DistanceTo)!;
        Assert.Equal(nearest, pick.Track);
        Assert.Equal(target.DistanceTo(nearest), pick.Distance, 9);
    }

    [Fact]
    public void Nothing_repeats_until_everything_has_played_and_a_pick_is_never_missing()
    {
        var catalog = TestCatalogs.Grid();
        var recommender = new Recommender(catalog);
        var session = new ListeningSession();
        var target = new MusicTarget(0.5, 0.5);
        var picks = new List<Track>();

        for (var i = 0; i < 500; i++)
        {
            var pick = recommender.Next(target, session).Track;
            session.MarkPlayed(pick);
            picks.Add(pick);
        }

        Assert.Equal(catalog.Tracks.Count, picks.Take(catalog.Tracks.Count).Distinct().Count());
        for (var i = 0; i + ListeningSession.RecentWindow <= picks.Count; i++)
        {
            var window = picks.Skip(i).Take(ListeningSession.RecentWindow).ToList();
            Assert.Equal(window.Count, window.Select(t => t.MainArtist).Distinct().Count());
        }
    }

    [Fact]
    public void Songs_sharing_an_artist_or_a_title_with_recent_ones_wait()
    {
        var feature = new Track("Other Song", "Guest, Singer", 2020, null, 0.5, 0.5, 120, "pop");
        var cover = new Track("Song (Live)", "Cover Band", 2020, null, 0.5, 0.5, 120, "pop");
        var apart = new Track("Far Away", "Someone", 2020, null, 0.9, 0.9, 120, "pop");
        var recommender = new Recommender(new MusicCatalog([feature, cover, apart]));
        var session = new ListeningSession();
        session.MarkPlayed(new Track("Song", "Singer", 2020, null, 0.5, 0.5, 120, "pop"));

        Assert.Equal(apart, recommender.Next(new MusicTarget(0.5, 0.5), session).Track);
    }

    [Fact]
    public void A_filter_keeps_picks_within_it()
    {
        var catalog = TestCatalogs.Grid();
        var session = new ListeningSession();
        var recommender = new Recommender(catalog);
        var filter = new MusicFilter(Genre: "rock & indie", Language: "es");

        for (var i = 0; i < 20; i++)
        {
            var pick = recommender.Next(new MusicTarget(0.5, 0.5), session, filter).Track;
            session.MarkPlayed(pick);
            Assert.True(filter.Allows(pick), $"{pick.Title} is {pick.Genre}, {pick.Language}");
        }
    }

    [Fact]
    public void A_skipped_artist_is_not_picked_again_while_others_are_left()
    {
        var catalog = TestCatalogs.Grid();
        var recommender = new Recommender(catalog);
        var session = new ListeningSession();
        var target = new MusicTarget(0.5, 0.5);
        var first = recommender.Next(target, session).Track;
        session.Skip(first, target);

        var later = Enumerable.Range(0, 20).Select(_ =>
        {
            var pick = recommender.Next(target, session).Track;
            session.MarkPlayed(pick);
            return pick;
        }).ToList();

        Assert.DoesNotContain(later, t => t.SharesArtistWith(first));
    }
}
