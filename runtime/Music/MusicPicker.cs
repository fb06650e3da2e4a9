using FerMusic.Runtime.Mood;

namespace FerMusic.Runtime.Music;

/// <summary>One listener's music: a strategy, a listening session and the shared recommender.</summary>
public sealed class MusicPicker(Recommender recommender, MusicStrategy strategy, int count)
{
    public TargetPlanner Planner { get; } = new(strategy);

    public ListeningSession Session { get; } = new();

    public MusicStrategy Strategy
    {
        get => Planner.Strategy;
        set => Planner.Strategy = value;
    }

    public IReadOnlyList<Track> Pick(Mood.Affect mood) => recommender.Recommend(Planner.Next(mood), count, Session);
}
