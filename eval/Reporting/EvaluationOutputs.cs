using FerMusic.Eval.Evaluation;

namespace FerMusic.Eval.Reporting;

/// <summary>The files an evaluation writes into its output folder.</summary>
public sealed record EvaluationOutputs
{
    public string Metrics { get; } = "metrics.json";
    public string Confusion { get; } = "confusion.png";
    public string ConfusionNormalized { get; } = "confusion-normalized.png";
    public string PerClass { get; } = "per-class.png";
    public string Misclassified { get; } = "misclassified.png";
    public string Report { get; } = "report.md";

    public IEnumerable<string> All => [Metrics, Confusion, ConfusionNormalized, PerClass, Misclassified, Report];

    public static EvaluationOutputs Write(string directory, EvaluationResult result)
    {
        Directory.CreateDirectory(directory);
        var files = new EvaluationOutputs();
        var title = $"{Path.GetFileNameWithoutExtension(result.Request.ModelPath)} on {result.Faces.Split}";
        MetricsJson.Write(Path.Combine(directory, files.Metrics), result);
        ConfusionPlot.SaveCounts(Path.Combine(directory, files.Confusion), result.Metrics, title);
        ConfusionPlot.SaveNormalized(Path.Combine(directory, files.ConfusionNormalized), result.Metrics, title);
        PerClassPlot.Save(Path.Combine(directory, files.PerClass), result.Metrics, title);
        MisclassifiedGrid.Save(Path.Combine(directory, files.Misclassified), result.Faces, result.Predictions, result.ModelLabels);
        ReportMarkdown.Write(Path.Combine(directory, files.Report), result, files);
        return files;
    }
}
