using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Smoothing;

namespace FerMusic.Runtime.Pipeline;

public sealed record PipelineOptions
{
    public SmoothingOptions Smoothing { get; init; } = new();
    public MusicStrategy Strategy { get; init; } = MusicStrategy.Match;

    /// <summary>Tracks planned ahead of the one playing.</summary>
    public int Tracks { get; init; } = 4;

    /// <summary>Play a queue of music that follows the mood (off where a listener of its own picks it, as in the web app).</summary>
    public bool PickMusic { get; init; } = true;
}
