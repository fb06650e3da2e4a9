using System.Diagnostics;
using FerMusic.Core;
using FerMusic.Core.Faces;
using FerMusic.Core.IO;
using FerMusic.Core.Model;
using FerMusic.Eval.Metrics;
using FerMusic.Vision.Detection;
using FerMusic.Vision.Faces;
using FerMusic.Vision.Frames;

namespace FerMusic.Eval.Faces;

/// <summary>What happened to one picture on the live path.</summary>
/// <param name="Readable">False when the file could not be decoded (it is then left out of the scores).</param>
/// <param name="Faces">How many faces the detector found.</param>
/// <param name="Face">The primary (largest) face, which was classified.</param>
/// <param name="Crop">The 48x48 input the model saw, when a face was found.</param>
public sealed record PictureOutcome(LabelledPicture Picture, bool Readable, int Faces, FaceLocation? Face, byte[]? Crop);

public sealed record FacesEvaluation(
    PictureSet Pictures,
    IReadOnlyList<PictureOutcome> Outcomes,
    IReadOnlyList<PictureOutcome> Scored,
    float[][] Probabilities,
    int[] Predicted,
    ClassificationMetrics Metrics,
    IReadOnlyList<string> ModelLabels,
    IReadOnlyDictionary<string, string> ModelMetadata,
    string ModelPath,
    string ModelSha256,
    FaceSettings Settings,
    string DetectorModelPath,
    FaceFraming Framing,
    bool FramingMeasured,
    double DetectMilliseconds,
    double ClassifyMilliseconds)
{
    public int FacesFound => Scored.Count(o => o.Face is not null);

    public IReadOnlyList<PictureOutcome> Unreadable => [.. Outcomes.Where(o => !o.Readable)];
}

/// <summary>
/// Sends every picture through the live runtime's own perception code: decode, grey conversion, the detector, the
/// model's framing and the shared crop, then the model. A picture without a face counts as wrong.
/// </summary>
public static class LivePathEvaluator
{
    private const int BatchSize = 64;

    public static FacesEvaluation Run(PictureSet pictures, EmotionModel model, FaceSettings settings, IProgress<int>? progress = null)
    {
        var detectors = new FaceDetectorFactory(settings);
        using var detector = detectors.Create();
        using var frame = new VisionFrame();
        var framing = settings.FramingFor(model.Framings);
        var outcomes = new List<PictureOutcome>(pictures.Pictures.Count);
        var detectClock = new Stopwatch();
        foreach (var picture in pictures.Pictures)
        {
            using var image = PictureDecoder.Read(picture.Path);
            if (image is null)
            {
                outcomes.Add(new PictureOutcome(picture, false, 0, null, null));
                continue;
            }
            detectClock.Start();
            frame.Update(image);
            detector.Reset();
            var faces = detector.Detect(frame);
            byte[]? crop = null;
            if (faces.Length > 0)
            {
                crop = new byte[ModelContract.PixelsPerImage];
                FaceInputs.Write(frame, [faces[0]], framing, settings.Alignment, crop);
            }
            detectClock.Stop();
            outcomes.Add(new PictureOutcome(picture, true, faces.Length, faces.Length > 0 ? faces[0] : null, crop));
            progress?.Report(outcomes.Count);
        }

        var scored = outcomes.Where(o => o.Readable).ToList();
        var withFace = scored.Where(o => o.Crop is not null).ToList();
        var probabilities = new float[scored.Count][];
        var classes = model.Labels.Count;
        var classifyClock = Stopwatch.StartNew();
        var batch = new byte[BatchSize * ModelContract.PixelsPerImage];
        var output = new float[BatchSize * classes];
        var classifier = new ViewAveraging(model, settings.Tta);
        var rows = new Dictionary<PictureOutcome, float[]>();
        for (var start = 0; start < withFace.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, withFace.Count - start);
            for (var i = 0; i < count; i++)
            {
                withFace[start + i].Crop!.CopyTo(batch.AsSpan(i * ModelContract.PixelsPerImage));
            }
            classifier.Predict(batch.AsSpan(0, count * ModelContract.PixelsPerImage), output);
            for (var i = 0; i < count; i++)
            {
                rows[withFace[start + i]] = output.AsSpan(i * classes, classes).ToArray();
            }
        }
        classifyClock.Stop();

        var toTruth = model.Labels.Select(label => EmotionLabels.TryParse(label, out var emotion)
            ? (int)emotion
            : throw new ModelContractException(model.Path, $"model class '{label}' is not one of FER2013's emotions")).ToArray();
        var predicted = new int[scored.Count];
        for (var i = 0; i < scored.Count; i++)
        {
            probabilities[i] = rows.GetValueOrDefault(scored[i]) ?? [];
            predicted[i] = probabilities[i].Length == 0 ? ClassificationMetrics.NoPrediction : toTruth[Probabilities.ArgMax(probabilities[i])];
        }
        var metrics = ClassificationMetrics.Compute([.. scored.Select(o => o.Picture.Truth)], predicted, EmotionLabels.Names);
        return new FacesEvaluation(pictures, outcomes, scored, probabilities, predicted, metrics, model.Labels, model.Metadata,
            model.Path, FileHash.Sha256(model.Path), settings, detectors.ModelPath, framing, (settings.Framing ?? model.Framings).Has(detector.Name),
            scored.Count == 0 ? 0 : detectClock.Elapsed.TotalMilliseconds / scored.Count,
            withFace.Count == 0 ? 0 : classifyClock.Elapsed.TotalMilliseconds / withFace.Count);
    }
}
