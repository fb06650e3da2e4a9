using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Music;

namespace FerMusic.Runtime.Journal;

/// <summary>Something to write to the journal, queued by a session and written by the journal's writer.</summary>
public abstract record JournalEntry;

public sealed record SessionStarted(long Session, string Listener, DateTimeOffset At, string Mode) : JournalEntry;

public sealed record SessionEnded(long Session, DateTimeOffset At) : JournalEntry;

/// <summary>
/// One second of a session: the share of its frames with a face, the smoothed emotion and the mean probabilities of
/// the seven classes (in <see cref="FerMusic.Core.Emotion"/> order, NaN for a class the model lacks) over the frames
/// with a face, and the mean valence and arousal.
/// </summary>
public sealed record MoodSecond(long Session, long UnixSecond, double Face, string? Emotion, float[] Probabilities, double? Valence, double? Arousal)
    : JournalEntry;

/// <summary>A track shown (planned), played (started), liked or skipped, with the mood and target of that moment.</summary>
public sealed record TrackEvent(long Session, DateTimeOffset At, string Kind, Track Track, MusicTarget Target, Affect? Mood, MusicStrategy Strategy)
    : JournalEntry;
