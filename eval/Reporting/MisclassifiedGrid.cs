using FerMusic.Eval.Data;
using FerMusic.Eval.Evaluation;

namespace FerMusic.Eval.Reporting;

/// <summary>A sheet of the most confident mistakes: each face with its true and predicted label and confidence.</summary>
public static class MisclassifiedGrid
{
    public static int Save(string path, LabelledFaces faces, Predictions predictions, IReadOnlyList<string> modelLabels, int count = 32)
    {
        var mistakes = Enumerable.Range(0, faces.Count)
            .Where(i => predictions.Predicted[i] != faces.Truth[i])
            .OrderByDescending(i => predictions.Row(i)[predictions.Predicted[i]])
            .Take(count)
            .ToList();
        FaceSheet.Save(path, [.. mistakes.Select(i => new SheetFace(faces.Image(i).ToArray(),
            $"true {faces.Labels[faces.Truth[i]]}",
            $"pred {modelLabels[predictions.Predicted[i]]} {predictions.Row(i)[predictions.Predicted[i]]:P0}"))]);
        return mistakes.Count;
    }
}
