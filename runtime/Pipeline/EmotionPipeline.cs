using System.Diagnostics;
using FerMusic.Core;
using FerMusic.Runtime.Classification;
using FerMusic.Runtime.Detection;
using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Smoothing;
using OpenCvSharp;

namespace FerMusic.Runtime.Pipeline;

/// <summary>
/// Frame in, mood and music out: grey conversion and equalisation once per frame, Haar detection, every face
/// classified in one batch, the largest face smoothed into a steady emotion, and on each change a mood and a
/// playlist. One instance per listener and thread; it owns its detector.
/// </summary>
public sealed class EmotionPipeline : IDisposable
{
    private readonly HaarFaceDetector _detector;
    private readonly FrameClassifier _classifier;
    private readonly EmotionSmoother _smoother;
    private readonly GreyFrame _grey = new();
    private readonly IReadOnlyList<string> _labels;

    public EmotionPipeline(EmotionModel model, HaarFaceDetector detector, Recommender recommender, PipelineOptions options)
    {
        _detector = detector;
        _classifier = new FrameClassifier(model);
        _labels = model.Labels;
        _smoother = new EmotionSmoother(model.Labels.Count, options.Smoothing);
        Options = options;
        Music = new MusicPicker(recommender, options.Strategy, options.Tracks);
    }

    public PipelineOptions Options { get; }

    public MusicPicker Music { get; }

    public IReadOnlyList<string> Labels => _labels;

    public FrameReport Process(Mat frame, double seconds)
    {
        var start = Stopwatch.GetTimestamp();
        _grey.Update(frame);
        var boxes = _detector.Detect(_grey.Equalized);
        var detected = Stopwatch.GetTimestamp();
        var faces = _classifier.Classify(_grey.Grey, boxes);
        var classified = Stopwatch.GetTimestamp();

        var changed = _smoother.Update(faces.Length > 0 ? faces[0].Probabilities : [], faces.Length > 0, seconds);
        var state = _smoother.Current;
        Mood.Mood? mood = state.Status == EmotionStatus.NoFace ? null : Circumplex.FromProbabilities(state.Probabilities, _labels);
        IReadOnlyList<Track>? tracks = null;
        if (changed && state.Status == EmotionStatus.Emotion && mood is { } current)
        {
            tracks = Music.Pick(current);
        }
        var times = new StageTimes(
            Stopwatch.GetElapsedTime(start, detected).TotalMilliseconds,
            Stopwatch.GetElapsedTime(detected, classified).TotalMilliseconds,
            Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return new FrameReport(seconds, faces, state, mood, changed, tracks, times);
    }

    public void Dispose()
    {
        _grey.Dispose();
        _detector.Dispose();
    }
}
