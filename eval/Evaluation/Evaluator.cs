using FerMusic.Core;
using FerMusic.Core.Cli;
using System.Diagnostics;
using FerMusic.Core.IO;
using FerMusic.Core.Model;
using FerMusic.Eval.Data;
using FerMusic.Eval.Metrics;

namespace FerMusic.Eval.Evaluation;

/// <summary>Loads the faces and the model, classifies every face and scores the predictions.</summary>
public static class Evaluator
{
    public static EvaluationResult Run(EvaluationRequest request)
    {
        using var model = EmotionModel.Load(request.ModelPath, request.Threads);
        var faces = LoadFaces(request);
        return Run(request, model, faces);
    }

    public static LabelledFaces LoadFaces(EvaluationRequest request)
    {
        if (Directory.Exists(request.DataPath))
        {
            if (request.Labels == LabelSet.FerPlus)
            {
                throw new UserErrorException("--labels ferplus needs the FER2013 CSV, not an image folder.");
            }
            return ImageFolderFaces.Load(request.DataPath);
        }
        string? ferPlus = null;
        if (request.Labels == LabelSet.FerPlus)
        {
            ferPlus = request.FerPlusPath ?? throw new UserErrorException("--labels ferplus needs --ferplus <fer2013new.csv>.");
        }
        return Fer2013Faces.Load(request.DataPath, request.Split, ferPlus, request.SkipBadRows);
    }

    public static EvaluationResult Run(EvaluationRequest request, EmotionModel model, LabelledFaces faces)
    {
        var toTruth = model.Labels.Select(label =>
        {
            var index = EmotionLabels.IndexIn(faces.Labels, label);
            return index >= 0
                ? index
                : throw new ModelContractException(request.ModelPath, $"model class '{label}' is not among the data's labels ({string.Join(',', faces.Labels)})");
        }).ToArray();

        var clock = Stopwatch.StartNew();
        var predictions = FaceClassifier.Classify(model, faces, request.Tta);
        var seconds = clock.Elapsed.TotalSeconds;

        var predicted = predictions.Predicted.Select(p => toTruth[p]).ToArray();
        var metrics = ClassificationMetrics.Compute(faces.Truth, predicted, faces.Labels);
        return new EvaluationResult(request, faces, predictions, model.Labels, model.Metadata, FileHash.Sha256(request.ModelPath), metrics, seconds);
    }
}
