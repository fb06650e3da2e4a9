using FerMusic.Runtime.Classification;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Smoothing;

namespace FerMusic.Runtime.Pipeline;

/// <summary>Milliseconds spent per stage on one frame.</summary>
public readonly record struct StageTimes(double Detect, double Classify, double Total);

/// <summary>
/// What the pipeline made of one frame. <see cref="Tracks"/> is the queue (the track playing, then those planned
/// next) when it changed on this frame, otherwise null.
/// </summary>
public sealed record FrameReport(
    double Seconds,
    IReadOnlyList<FaceEmotions> Faces,
    SmoothedState State,
    Mood.Affect? Mood,
    bool Changed,
    IReadOnlyList<QueuedTrack>? Tracks,
    StageTimes Times);
