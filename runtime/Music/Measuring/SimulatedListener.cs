using FerMusic.Runtime.Mood;

namespace FerMusic.Runtime.Music.Measuring;

/// <summary>A listener with a steady mood who lets every track play to its end: the recommender's test bench.</summary>
public sealed class SimulatedListener
{
    private double _clock;

    /// <param name="preview">Tracks the queue plans ahead (0 when only the played tracks matter, which is much quicker).</param>
    public SimulatedListener(Recommender recommender, MusicStrategy strategy, Affect mood, int preview = 4)
    {
        Mood = mood;
        Queue = new MusicQueue(recommender, strategy, preview);
        Queue.Update(mood, 0, moodChanged: true);
        Tracks.Add(Queue.Now!);
    }

    public Affect Mood { get; set; }

    public MusicQueue Queue { get; }

    /// <summary>Every track that started, in order.</summary>
    public List<QueuedTrack> Tracks { get; } = [];

    /// <summary>Lets the playing track run out, <paramref name="count"/> times.</summary>
    public SimulatedListener Listen(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _clock += Queue.Now!.Track.DurationSeconds;
            Queue.Update(Mood, _clock, moodChanged: false);
            Tracks.Add(Queue.Now!);
        }
        return this;
    }

    public void Like() => Queue.Like(Queue.Now!.Track);

    public void Skip()
    {
        Queue.Skip(Queue.Now!.Track, _clock);
        Tracks.Add(Queue.Now!);
    }
}
