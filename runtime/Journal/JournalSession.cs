using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Pipeline;
using FerMusic.Runtime.Smoothing;

namespace FerMusic.Runtime.Journal;

/// <summary>
/// One page session's part of the journal. Frames are summed into the current second without allocating; when a
/// frame falls in a new second, the finished second is queued as one <see cref="MoodSecond"/>. Tracks are queued as
/// they are shown, played, liked or skipped. Nothing here touches the disk.
/// </summary>
public sealed class JournalSession : IDisposable
{
    private readonly MoodJournal _journal;
    private readonly int[] _columns;
    private readonly TimeProvider _time;
    private readonly float[] _sum = new float[7];
    private readonly HashSet<string> _shown = [];
    private long _second = long.MinValue;
    private int _frames, _faces, _moods;
    private double _valence, _arousal;
    private readonly int[] _emotionVotes;
    private readonly IReadOnlyList<string> _labels;
    private bool _ended;

    internal JournalSession(MoodJournal journal, long id, IReadOnlyList<string> labels, TimeProvider time)
    {
        _journal = journal;
        Id = id;
        _time = time;
        _labels = labels;
        // Each model class's journal column (-1: a class the journal has no column for).
        _columns = [.. labels.Select(l => Array.IndexOf(MoodJournal.Emotions, l.ToLowerInvariant()))];
        _emotionVotes = new int[labels.Count];
    }

    public long Id { get; }

    /// <summary>Adds a frame's smoothed result to the current second (per frame: no allocation, no disk).</summary>
    public void Frame(FrameReport report)
    {
        var second = _time.GetUtcNow().ToUnixTimeSeconds();
        if (second != _second)
        {
            FinishSecond();
            _second = second;
        }
        _frames++;
        var state = report.State;
        if (state.Status == EmotionStatus.NoFace)
        {
            return;
        }
        _faces++;
        var probabilities = state.Probabilities;
        for (var i = 0; i < _columns.Length && i < probabilities.Length; i++)
        {
            if (_columns[i] >= 0)
            {
                _sum[_columns[i]] += probabilities[i];
            }
        }
        if (state.Status == EmotionStatus.Emotion && state.Emotion is { } emotion && emotion < _emotionVotes.Length)
        {
            _emotionVotes[emotion]++;
        }
        if (report.Mood is { } mood)
        {
            _moods++;
            _valence += mood.Valence;
            _arousal += mood.Arousal;
        }
    }

    private void FinishSecond()
    {
        if (_frames == 0)
        {
            return;
        }
        var probabilities = new float[7];
        for (var c = 0; c < 7; c++)
        {
            probabilities[c] = _faces == 0 || !_columns.Contains(c) ? float.NaN : _sum[c] / _faces;
        }
        var top = -1;
        for (var i = 0; i < _emotionVotes.Length; i++)
        {
            if (_emotionVotes[i] > 0 && (top < 0 || _emotionVotes[i] > _emotionVotes[top]))
            {
                top = i;
            }
        }
        _journal.Post(new MoodSecond(Id, _second, (double)_faces / _frames, top < 0 ? null : _labels[top].ToLowerInvariant(), probabilities,
            _moods == 0 ? null : _valence / _moods, _moods == 0 ? null : _arousal / _moods));
        Array.Clear(_sum);
        Array.Clear(_emotionVotes);
        _frames = _faces = _moods = 0;
        _valence = _arousal = 0;
    }

    /// <summary>A track played (started), liked or skipped.</summary>
    public void Track(string kind, QueuedTrack track, Affect? mood, MusicStrategy strategy) =>
        _journal.Post(new TrackEvent(Id, _time.GetUtcNow(), kind, track.Track, track.Target, mood, strategy));

    /// <summary>Tracks planned next, each recorded as shown the first time it is.</summary>
    public void Shown(IEnumerable<QueuedTrack> tracks, Affect? mood, MusicStrategy strategy)
    {
        foreach (var track in tracks)
        {
            if (_shown.Add(track.Track.Key))
            {
                Track("shown", track, mood, strategy);
            }
        }
    }

    /// <summary>Queues the last second and the session's end.</summary>
    public void Dispose()
    {
        if (_ended)
        {
            return;
        }
        _ended = true;
        FinishSecond();
        _journal.Post(new SessionEnded(Id, _time.GetUtcNow()));
        _journal.Ended(Id);
    }
}
