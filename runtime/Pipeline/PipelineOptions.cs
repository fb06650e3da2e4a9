using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Smoothing;

namespace FerMusic.Runtime.Pipeline;

public sealed record PipelineOptions
{
    public SmoothingOptions Smoothing { get; init; } = new();
    public MusicStrategy Strategy { get; init; } = MusicStrategy.Match;

    /// <summary>Tracks per recommendation.</summary>
    public int Tracks { get; init; } = 10;
}
