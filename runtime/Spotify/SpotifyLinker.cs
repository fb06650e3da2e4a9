using FerMusic.Runtime.Music;

namespace FerMusic.Runtime.Spotify;

/// <summary>
/// Fills in Spotify ids for recommended tracks the catalogue has none for. Any Spotify failure falls back to the
/// local catalogue: the tracks come back as they were, and Spotify is left alone for a while.
/// </summary>
public sealed class SpotifyLinker(SpotifyClient client, SpotifyOptions? options = null, TimeProvider? time = null)
{
    private readonly TimeSpan _offlineFor = (options ?? new SpotifyOptions()).Offline;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private DateTimeOffset _offlineUntil = DateTimeOffset.MinValue;

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
            try
            {
                var found = await client.SearchTrackAsync(track.Title, track.Artist, cancellation);
                linked.Add(found is null ? track : track with { SpotifyId = found.Id });
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
}
