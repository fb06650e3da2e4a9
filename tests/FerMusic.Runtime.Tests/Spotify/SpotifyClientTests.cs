using Microsoft.Extensions.Time.Testing;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Spotify;

namespace FerMusic.Runtime.Tests.Spotify;

public sealed class SpotifyClientTests : IDisposable
{
    private readonly FakeSpotifyServer _server = new();
    private readonly List<ServiceProvider> _providers = [];

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }
        _server.Dispose();
    }

    private SpotifyOptions Options(double timeoutSeconds = 20) =>
        new(AccountsBase: _server.BaseUri, ApiBase: _server.BaseUri, RequestTimeout: TimeSpan.FromSeconds(timeoutSeconds));

    /// <summary>The client as the app builds it: a typed HttpClient with the resilience handler, on <paramref name="time"/>'s clock.</summary>
    private SpotifyClient Client(SpotifyOptions? options = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }
        var provider = services.AddSpotify(new SpotifyCredentials("app-id", "app-secret"), options ?? Options()).BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<SpotifyClient>();
    }

    private static readonly Track Unlinked = new("Song", "Band", 2020, null, 0.5, 0.5, 120, "pop");

    [Fact]
    public async Task Finds_a_track_with_an_app_token()
    {
        _server.On("/api/token", FakeSpotifyServer.Token()).On("/v1/search", FakeSpotifyServer.Found("abc123"));

        var found = await Client().SearchTrackAsync("Song", "Band", TestContext.Current.CancellationToken);

        Assert.Equal("abc123", Assert.Single(found).Id);
        Assert.Equal("https://open.spotify.com/track/abc123", found[0].Url);
        Assert.Equal(["Band"], found[0].Artists);
        Assert.StartsWith("Basic ", _server.Requests[0].Authorization);
        Assert.Equal("Bearer token-1", _server.Requests[1].Authorization);
    }

    [Fact]
    public async Task The_token_is_reused_until_it_expires()
    {
        _server.On("/api/token", FakeSpotifyServer.Token()).On("/v1/search", FakeSpotifyServer.Found("a"));
        var client = Client();

        await client.SearchTrackAsync("A", "B", TestContext.Current.CancellationToken);
        await client.SearchTrackAsync("C", "D", TestContext.Current.CancellationToken);

        Assert.Single(_server.Requests, r => r.Path == "/api/token");
    }

    [Fact]
    public async Task A_401_refreshes_the_token_once()
    {
        _server.On("/api/token", FakeSpotifyServer.Token("old"), FakeSpotifyServer.Token("new"))
               .On("/v1/search", FakeSpotifyServer.Json("{}", 401), FakeSpotifyServer.Found("fresh"));

        var found = await Client().SearchTrackAsync("Song", "Band", TestContext.Current.CancellationToken);

        Assert.Equal("fresh", Assert.Single(found).Id);
        Assert.Equal("Bearer new", _server.Requests[^1].Authorization);
    }

    [Fact]
    public async Task Refused_credentials_are_a_SpotifyException()
    {
        _server.On("/api/token", FakeSpotifyServer.Json("""{"error":"invalid_client"}""", 401));

        var error = await Assert.ThrowsAsync<SpotifyException>(() => Client().SearchTrackAsync("Song", "Band", TestContext.Current.CancellationToken));

        Assert.Contains("refused the app credentials", error.Message);
        Assert.DoesNotContain("app-secret", error.Message);
    }

    /// <summary>Runs <paramref name="call"/> while moving the fake clock on, a tenth of a second at a time.</summary>
    private static async Task<T> WithClockAsync<T>(FakeTimeProvider time, Task<T> call)
    {
        while (!call.IsCompleted)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }
        return await call;
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After()
    {
        _server.On("/api/token", FakeSpotifyServer.Token())
               .On("/v1/search", FakeSpotifyServer.Json("{}", 429, retryAfter: "1"), FakeSpotifyServer.Found("later"));
        var time = new FakeTimeProvider();
        var started = time.GetUtcNow();

        var found = await WithClockAsync(time, Client(time: time).SearchTrackAsync("Song", "Band", TestContext.Current.CancellationToken));

        Assert.Equal("later", Assert.Single(found).Id);
        Assert.True(time.GetUtcNow() - started >= TimeSpan.FromSeconds(1), "the retry waited for the Retry-After");
    }

    [Fact]
    public async Task A_timeout_falls_back_to_the_local_catalogue()
    {
        _server.On("/api/token", FakeSpotifyServer.Token()).On("/v1/search", FakeSpotifyServer.Slow(TimeSpan.FromSeconds(30)));
        var options = Options(timeoutSeconds: 0.3);
        var time = new FakeTimeProvider();
        var linker = new SpotifyLinker(Client(options, time), options, time);

        var tracks = await WithClockAsync(time, linker.LinkAsync([Unlinked, Unlinked with { Title = "Other" }], TestContext.Current.CancellationToken));

        Assert.All(tracks, t => Assert.Null(t.SpotifyId));
        Assert.True(linker.IsOffline);
        Assert.Contains("did not answer", linker.LastProblem);
        // The first track is tried and retried; after that failure the second is not looked up at all.
        Assert.Equal(1 + options.MaxRetries, _server.Requests.Count(r => r.Path == "/v1/search"));
    }

    [Fact]
    public async Task Linking_fills_in_missing_ids_and_keeps_known_ones()
    {
        _server.On("/api/token", FakeSpotifyServer.Token()).On("/v1/search", FakeSpotifyServer.Found("xyz"));
        var known = Unlinked with { SpotifyId = "known" };

        var tracks = await new SpotifyLinker(Client()).LinkAsync([Unlinked, known], TestContext.Current.CancellationToken);

        Assert.Equal("xyz", tracks[0].SpotifyId);
        Assert.Equal("known", tracks[1].SpotifyId);
        Assert.Single(_server.Requests, r => r.Path == "/v1/search");
    }

    [Fact]
    public async Task A_result_is_accepted_only_when_title_and_artist_match()
    {
        _server.On("/api/token", FakeSpotifyServer.Token()).On("/v1/search", FakeSpotifyServer.Found("cover"), FakeSpotifyServer.Found("right"));
        var other = Unlinked with { Artist = "Somebody Else" };
        var remix = Unlinked with { Title = "Song - Remix", Artist = "Band, DJ" };
        var linker = new SpotifyLinker(Client());

        var tracks = await linker.LinkAsync([other, remix], TestContext.Current.CancellationToken);

        Assert.Null(tracks[0].SpotifyId); // "Song" by "Band" is not Somebody Else's song
        Assert.Equal("right", tracks[1].SpotifyId); // the remix's normalised title and main artist match
        Assert.Contains(_server.Requests, r => r.Path == "/v1/search" && Uri.UnescapeDataString(r.Query).Contains("track:song artist:band"));
    }

    [Fact]
    public async Task A_song_looked_up_once_is_not_searched_again()
    {
        _server.On("/api/token", FakeSpotifyServer.Token()).On("/v1/search", FakeSpotifyServer.Found("xyz"));
        var linker = new SpotifyLinker(Client());

        await linker.LinkAsync([Unlinked], TestContext.Current.CancellationToken);
        var again = await linker.LinkAsync([Unlinked with { Title = "Song (feat. Guest)" }], TestContext.Current.CancellationToken);

        Assert.Equal("xyz", again[0].SpotifyId);
        Assert.Single(_server.Requests, r => r.Path == "/v1/search");
    }

    [Theory]
    [InlineData("Song", "Band", true)]
    [InlineData("song (Remastered 2011)", "Band", true)]
    [InlineData("Song", "Band, Guest", true)]
    [InlineData("Song Two", "Band", false)]
    [InlineData("Song", "Cover Band", false)]
    public void Matching_compares_normalised_titles_and_split_credits(string name, string artists, bool matches)
    {
        var found = new SpotifyClient.FoundTrack("id", name, artists.Split(", "), "url");

        Assert.Equal(matches, SpotifyLinker.Matches(found, Unlinked));
    }

    [Fact]
    public void Credentials_never_print_the_secret()
    {
        Assert.DoesNotContain("app-secret", new SpotifyCredentials("app-id", "app-secret").ToString());
    }
}
