using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Smoothing;

namespace FerMusic.Runtime.Pipeline;

public sealed record PipelineOptions
{
    public SmoothingOptions Smoothing { get; init; } = new();
    public MusicStrategy Strategy { get; init; } = MusicStrategy.Match;

    /// <summary>Tracks per recommendation.</summary>
    public int Tracks { get; init; } = 10;

    /// <summary>Pick music on every change of emotion (off where a listener of its own picks it, as in the web app).</summary>
    public bool PickMusic { get; init; } = true;
}
