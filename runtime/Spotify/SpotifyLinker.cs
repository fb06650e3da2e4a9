using FerMusic.Runtime.Music;

namespace FerMusic.Runtime.Spotify;

/// <summary>
/// Fills in Spotify ids for recommended tracks the catalogue has none for: it searches by the main artist and the
/// normalised title, and accepts a result only when its title and one of its artists match (a cover or a namesake is
/// no link). Answers are remembered, so a queue re-planned again and again costs no new searches. Any Spotify failure
/// falls back to the local catalogue: the tracks come back as they were, and Spotify is left alone for a while.
/// </summary>
public sealed class SpotifyLinker(SpotifyClient client, SpotifyOptions? options = null, TimeProvider? time = null)
{
    private readonly TimeSpan _offlineFor = (options ?? new SpotifyOptions()).Offline;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private DateTimeOffset _offlineUntil = DateTimeOffset.MinValue;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _found = new();

    public string? LastProblem { get; private set; }

    public bool IsOffline => _time.GetUtcNow() < _offlineUntil;

    public async Task<IReadOnlyList<Track>> LinkAsync(IReadOnlyList<Track> tracks, CancellationToken cancellation = default)
    {
        var linked = new List<Track>(tracks.Count);
        foreach (var track in tracks)
        {
            if (track.SpotifyId is not null || IsOffline)
            {
                linked.Add(track);
                continue;
            }
            if (_found.TryGetValue(track.Key, out var known))
            {
                linked.Add(known is null ? track : track with { SpotifyId = known });
                continue;
            }
            try
            {
                var results = await client.SearchTrackAsync(track.NormalTitle, track.MainArtist, cancellation);
                var match = results.FirstOrDefault(r => Matches(r, track))?.Id;
                _found[track.Key] = match;
                linked.Add(match is null ? track : track with { SpotifyId = match });
            }
            catch (SpotifyException e)
            {
                LastProblem = e.Message;
                _offlineUntil = _time.GetUtcNow() + _offlineFor;
                linked.Add(track);
            }
        }
        return linked;
    }

    /// <summary>The queue's tracks linked, each with the target it was chosen for.</summary>
    public async Task<IReadOnlyList<QueuedTrack>> LinkQueueAsync(IReadOnlyList<QueuedTrack> queue, CancellationToken cancellation = default)
    {
        var linked = await LinkAsync([.. queue.Select(q => q.Track)], cancellation);
        return [.. queue.Zip(linked, (q, t) => q with { Track = t })];
    }

    /// <summary>Whether a search result is the song: the same normalised title, and the track's main artist among its artists.</summary>
    public static bool Matches(SpotifyClient.FoundTrack found, Track track) =>
        TrackNames.NormaliseTitle(found.Name) == track.NormalTitle
        && found.Artists.SelectMany(TrackNames.SplitArtists).Contains(track.MainArtist);
}
