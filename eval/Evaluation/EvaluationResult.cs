using FerMusic.Eval.Data;
using FerMusic.Eval.Metrics;

namespace FerMusic.Eval.Evaluation;

/// <param name="Predictions">Predicted classes are indices into the model's labels.</param>
public sealed record EvaluationResult(
    EvaluationRequest Request,
    LabelledFaces Faces,
    Predictions Predictions,
    IReadOnlyList<string> ModelLabels,
    IReadOnlyDictionary<string, string> ModelMetadata,
    string ModelSha256,
    ClassificationMetrics Metrics,
    double ClassifySeconds)
{
    public double MillisecondsPerFace => Faces.Count == 0 ? 0 : ClassifySeconds * 1000 / Faces.Count;
}
