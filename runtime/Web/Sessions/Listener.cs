using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Pipeline;
using FerMusic.Runtime.Smoothing;
using FerMusic.Runtime.Spotify;
using FerMusic.Runtime.Web.Protocol;

namespace FerMusic.Runtime.Web.Sessions;

/// <summary>
/// One page's listener, the same in both page modes: its own music (a strategy, likes and skips, a playlist on every
/// change of emotion), Spotify links for every pick (when credentials are set), and the control messages that steer
/// them. Only where the frames' results come from differs between the modes.
/// </summary>
public sealed class Listener(MusicPicker music, MusicCatalog catalog, SpotifyLinker? spotify, PageSocket socket)
{
    private Affect? _mood;

    /// <summary>Sends a frame's result, with a new linked playlist when <paramref name="emotionChanged"/> and an emotion is known.</summary>
    public async Task SendFrameAsync(FrameReport report, IReadOnlyList<string> labels, bool emotionChanged, CancellationToken cancellation)
    {
        _mood = report.Mood ?? _mood;
        IReadOnlyList<Track>? tracks = null;
        if (emotionChanged && report.State.Status == EmotionStatus.Emotion && report.Mood is { } mood)
        {
            tracks = await LinkAsync(music.Pick(mood), cancellation);
        }
        await socket.SendAsync(FrameMessage.Of(report with { Changed = tracks is not null }, labels, tracks), ProtocolJson.Default.FrameMessage, cancellation);
    }

    /// <returns>Null when the message was a valid control message (acted on), else what is wrong with it.</returns>
    public async Task<string?> HandleControlAsync(ControlMessage? control, CancellationToken cancellation)
    {
        switch (control)
        {
            case { Type: "strategy" }:
                if (Strategy(control.Value) is not { } strategy)
                {
                    return $"unknown strategy '{control.Value}'; expected one of {string.Join(", ", Enum.GetNames<MusicStrategy>().Select(n => n.ToLowerInvariant()))}";
                }
                music.Strategy = strategy;
                if (_mood is { } mood)
                {
                    var tracks = await LinkAsync(music.Pick(mood), cancellation);
                    await socket.SendAsync(new PlaylistMessage(strategy.ToString().ToLowerInvariant(), [.. tracks.Select(TrackMessage.Of)]),
                        ProtocolJson.Default.PlaylistMessage, cancellation);
                }
                return null;
            case { Type: "like" or "skip", Artist: not null, Title: not null }:
                if (catalog.Tracks.FirstOrDefault(t => t.Artist == control.Artist && t.Title == control.Title) is not { } track)
                {
                    await socket.SendAsync(new ErrorMessage($"'{control.Title}' by {control.Artist} is not in the catalogue"), ProtocolJson.Default.ErrorMessage, cancellation);
                    return null;
                }
                if (control.Type == "like")
                {
                    music.Session.Like(track);
                }
                else
                {
                    music.Session.Skip(track);
                }
                return null;
            default:
                return "unknown message; expected {\"type\":\"strategy\",\"value\":\"match|uplift|iso\"} or like/skip with artist and title";
        }
    }

    /// <summary>A strategy by its name only (not by number: "7" is no strategy).</summary>
    private static MusicStrategy? Strategy(string? value) =>
        Enum.GetNames<MusicStrategy>().FirstOrDefault(name => string.Equals(name, value?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<MusicStrategy>(name)
            : null;

    private async Task<IReadOnlyList<Track>> LinkAsync(IReadOnlyList<Track> tracks, CancellationToken cancellation) =>
        spotify is null ? tracks : await spotify.LinkAsync(tracks, cancellation);
}
