using System.Diagnostics;
using FerMusic.Core.Model;
using FerMusic.Runtime.Classification;
using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Smoothing;
using FerMusic.Vision.Detection;
using FerMusic.Vision.Frames;
using OpenCvSharp;

namespace FerMusic.Runtime.Pipeline;

/// <summary>
/// Frame in, mood and music out: grey conversion once per frame, face detection, every face
/// classified in one batch, the largest face smoothed into a steady emotion, a mood, and a queue of music that
/// follows it. One instance per listener and thread; it owns its detector.
/// </summary>
public sealed class EmotionPipeline : IDisposable
{
    private readonly IFaceDetector _detector;
    private readonly FrameClassifier _classifier;
    private readonly EmotionSmoother _smoother;
    private readonly VisionFrame _frame = new();
    private readonly IReadOnlyList<string> _labels;

    public EmotionPipeline(EmotionModel model, IFaceDetector detector, FaceSettings faces, Recommender recommender, PipelineOptions options)
    {
        _detector = detector;
        _classifier = new FrameClassifier(model, faces.FramingFor(model.Framings), faces.Alignment, faces.Tta);
        _labels = model.Labels;
        _smoother = new EmotionSmoother(model.Labels.Count, options.Smoothing);
        Options = options;
        Music = options.PickMusic ? new MusicQueue(recommender, options.Strategy, options.Tracks) : null;
    }

    public PipelineOptions Options { get; }

    /// <summary>The pipeline's own music, or null when it picks none (<see cref="PipelineOptions.PickMusic"/>).</summary>
    public MusicQueue? Music { get; }

    public IReadOnlyList<string> Labels => _labels;

    public FrameReport Process(Mat frame, double seconds)
    {
        var start = Stopwatch.GetTimestamp();
        _frame.Update(frame);
        var found = _detector.Detect(_frame);
        var detected = Stopwatch.GetTimestamp();
        var faces = _classifier.Classify(_frame, found);
        var classified = Stopwatch.GetTimestamp();

        var changed = _smoother.Update(faces.Length > 0 ? faces[0].Probabilities : [], faces.Length > 0, seconds);
        var state = _smoother.Current;
        Mood.Affect? mood = state.Status == EmotionStatus.NoFace ? null : Circumplex.FromProbabilities(state.Probabilities, _labels);
        IReadOnlyList<QueuedTrack>? tracks = null;
        if (state.Status == EmotionStatus.Emotion && mood is { } current && Music is not null && Music.Update(current, seconds, changed))
        {
            tracks = [Music.Now!, .. Music.Upcoming];
        }
        var times = new StageTimes(
            Stopwatch.GetElapsedTime(start, detected).TotalMilliseconds,
            Stopwatch.GetElapsedTime(detected, classified).TotalMilliseconds,
            Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return new FrameReport(seconds, faces, state, mood, changed, tracks, times);
    }

    public void Dispose()
    {
        _frame.Dispose();
        _detector.Dispose();
    }
}
