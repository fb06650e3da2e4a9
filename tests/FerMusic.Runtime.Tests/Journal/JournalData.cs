using FerMusic.Runtime.Journal;
using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Pipeline;
using FerMusic.Runtime.Smoothing;
using Microsoft.Extensions.Time.Testing;

namespace FerMusic.Runtime.Tests.Journal;

/// <summary>Frames and sessions to write into test journals.</summary>
internal static class JournalData
{
    public static readonly string[] Labels = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"];

    public static FrameReport Frame(int emotion, float probability, double valence = 0.8, double arousal = 0.5)
    {
        var probabilities = Enumerable.Repeat((1 - probability) / 6, 7).ToArray();
        probabilities[emotion] = probability;
        return new FrameReport(0, [], new SmoothedState(EmotionStatus.Emotion, emotion, probabilities), new Affect(valence, arousal), false, null, default);
    }

    public static FrameReport NoFace { get; } = new(0, [], SmoothedState.NoFace(7), null, false, null, default);

    /// <summary>A session of <paramref name="seconds"/> seconds at 10 frames a second, happy throughout, that plays and likes <paramref name="liked"/>.</summary>
    public static long Write(MoodJournal journal, string listener, FakeTimeProvider time, int seconds, Track? liked = null)
    {
        using var session = journal.StartSession(listener, "browser", Labels, time)!;
        for (var s = 0; s < seconds; s++)
        {
            for (var f = 0; f < 10; f++)
            {
                session.Frame(Frame(3, 0.9f));
                time.Advance(TimeSpan.FromMilliseconds(100));
            }
            if (s == 1 && liked is not null)
            {
                var queued = new QueuedTrack(liked, new MusicTarget(0.8, 0.5, 0.5), 0.05);
                session.Track("played", queued, new Affect(0.8, 0.5), MusicStrategy.Match);
                session.Track("liked", queued, new Affect(0.8, 0.5), MusicStrategy.Match);
            }
        }
        return session.Id;
    }
}
