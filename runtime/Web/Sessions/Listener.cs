using FerMusic.Runtime.Journal;
using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Pipeline;
using FerMusic.Runtime.Smoothing;
using FerMusic.Runtime.Spotify;
using FerMusic.Runtime.Web.Protocol;

namespace FerMusic.Runtime.Web.Sessions;

/// <summary>
/// One page's listener, the same in both page modes: its own queue of music (a strategy, a filter, likes and skips),
/// Spotify links for every track it sends (when credentials are set), and the control messages that steer it. The
/// queue moves on when a track has played its length on this listener's clock, when the page's player says it ended,
/// or when the listener skips or asks for the next. Only where the frames' results come from differs between modes.
/// With a journal, each frame's mood and each track shown, played, liked or skipped is recorded (queued, never waited for).
/// </summary>
public sealed class Listener(MusicQueue queue, SpotifyLinker? spotify, PageSocket socket, TimeProvider time, JournalSession? journal = null)
{
    private readonly long _start = time.GetTimestamp();
    private Affect? _mood;
    private string? _playing;

    public MusicQueue Queue => queue;

    private double Seconds => time.GetElapsedTime(_start).TotalSeconds;

    /// <summary>Sends a frame's result, preceded by the queue when it changed (started, moved on, or re-planned for a new emotion).</summary>
    public async Task SendFrameAsync(FrameReport report, IReadOnlyList<string> labels, bool emotionChanged, CancellationToken cancellation)
    {
        journal?.Frame(report);
        var known = report.State.Status == EmotionStatus.Emotion && report.Mood is not null;
        _mood = known ? report.Mood : _mood;
        if (_mood is { } mood && (known || queue.Now is not null) && queue.Update(mood, Seconds, emotionChanged && known))
        {
            await SendQueueAsync(cancellation);
        }
        await socket.SendAsync(FrameMessage.Of(report with { Changed = emotionChanged }, labels, null), ProtocolJson.Default.FrameMessage, cancellation);
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
                queue.Strategy = strategy;
                break;
            case { Type: "like" or "skip" or "ended", Artist: not null, Title: not null }:
                if (queue.Catalog.Find(control.Artist, control.Title) is not { } track)
                {
                    await socket.SendAsync(new ErrorMessage($"'{control.Title}' by {control.Artist} is not in the catalogue"), ProtocolJson.Default.ErrorMessage, cancellation);
                    return null;
                }
                if (control.Type == "like")
                {
                    journal?.Track("liked", Queued(track), _mood, queue.Strategy);
                    queue.Like(track);
                }
                else if (control.Type == "skip")
                {
                    journal?.Track("skipped", Queued(track), _mood, queue.Strategy);
                    queue.Skip(track, Seconds);
                }
                else if (!queue.Ended(track, Seconds))
                {
                    return null; // a late "ended" for a track no longer playing
                }
                break;
            case { Type: "next" }:
                if (queue.Now is not null)
                {
                    queue.Advance(Seconds);
                }
                break;
            case { Type: "filter" }:
                if (FilterProblem(control) is { } problem)
                {
                    return problem;
                }
                queue.SetFilter(new MusicFilter(Blank(control.Genre), control.Decade, Blank(control.Language)));
                break;
            default:
                return "unknown message; expected strategy, like, skip, ended, next or filter (see the runtime documentation)";
        }
        if (queue.Now is not null)
        {
            await SendQueueAsync(cancellation);
        }
        return null;
    }

    private string? FilterProblem(ControlMessage control)
    {
        var catalog = queue.Catalog;
        if (Blank(control.Genre) is { } genre && !catalog.Genres.Contains(genre, StringComparer.OrdinalIgnoreCase))
        {
            return $"unknown genre '{genre}'; the catalogue has {string.Join(", ", catalog.Genres)}";
        }
        if (control.Decade is { } decade && !catalog.Decades.Contains(decade))
        {
            return $"no tracks from the {decade}s; the catalogue has {string.Join(", ", catalog.Decades.Select(d => d + "s"))}";
        }
        if (Blank(control.Language) is { } language && !catalog.Languages.Contains(language, StringComparer.OrdinalIgnoreCase))
        {
            return $"unknown language '{language}'; the catalogue has {string.Join(", ", catalog.Languages)}";
        }
        return null;
    }

    /// <summary>The track as queued (with the target it was picked for), or at its own place when it is not in the queue.</summary>
    private QueuedTrack Queued(Track track) =>
        (queue.Now is { } now && now.Track.Key == track.Key ? now : queue.Upcoming.FirstOrDefault(q => q.Track.Key == track.Key))
        ?? new QueuedTrack(track, new MusicTarget(track.Valence, track.Energy, track.Power), 0);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The queue, every track linked to Spotify through the one linking path.</summary>
    private async Task SendQueueAsync(CancellationToken cancellation)
    {
        if (journal is not null)
        {
            if (queue.Now!.Track.Key != _playing)
            {
                _playing = queue.Now.Track.Key;
                journal.Track("played", queue.Now, _mood, queue.Strategy);
            }
            journal.Shown(queue.Upcoming, _mood, queue.Strategy);
        }
        IReadOnlyList<QueuedTrack> tracks = [queue.Now!, .. queue.Upcoming];
        if (spotify is not null)
        {
            tracks = await spotify.LinkQueueAsync(tracks, cancellation);
        }
        var filter = queue.Filter;
        var message = new QueueMessage(queue.Strategy.ToString().ToLowerInvariant(), TrackMessage.Of(tracks[0]),
            Math.Round(Seconds - queue.StartedAt, 1), [.. tracks.Skip(1).Select(TrackMessage.Of)],
            new FilterMessage(filter.Genre, filter.Decade, filter.Language));
        await socket.SendAsync(message, ProtocolJson.Default.QueueMessage, cancellation);
    }

    /// <summary>A strategy by its name only (not by number: "7" is no strategy).</summary>
    private static MusicStrategy? Strategy(string? value) =>
        Enum.GetNames<MusicStrategy>().FirstOrDefault(name => string.Equals(name, value?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<MusicStrategy>(name)
            : null;
}
