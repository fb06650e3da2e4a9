using System.Globalization;
using System.Text;
using FerMusic.Eval.Evaluation;

namespace FerMusic.Eval.Reporting;

/// <summary>Writes <c>report.md</c>: summary, per-class table, pictures, command line and the model's metadata.</summary>
public static class ReportMarkdown
{
    public static void Write(string path, EvaluationResult result, EvaluationOutputs files)
    {
        var m = result.Metrics;
        var r = result.Request;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Evaluation of `{Path.GetFileName(r.ModelPath)}` on {result.Faces.Split}");
        text.AppendLine();
        text.AppendLine("| accuracy | macro-F1 | faces | split | labels | TTA | ms/face |");
        text.AppendLine("| ---: | ---: | ---: | --- | --- | --- | ---: |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {m.Accuracy * 100:0.00}% | {m.MacroF1 * 100:0.00}% | {m.Count} | {result.Faces.Split} | {r.Labels.ToString().ToLowerInvariant()} | {r.Tta.ToString().ToLowerInvariant()} | {result.MillisecondsPerFace:0.000} |");
        text.AppendLine();
        if (result.Faces.Excluded.Count > 0)
        {
            text.AppendLine("Left out: " + string.Join("; ", result.Faces.Excluded.Select(e => $"{e.Value} {e.Key}")) + ".");
            text.AppendLine();
        }
        text.AppendLine("## Per class");
        text.AppendLine();
        text.AppendLine("| class | precision | recall | F1 | support |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        for (var c = 0; c < m.Labels.Count; c++)
        {
            var pc = m.PerClass[c];
            text.AppendLine(CultureInfo.InvariantCulture, $"| {m.Labels[c]} | {pc.Precision * 100:0.0}% | {pc.Recall * 100:0.0}% | {pc.F1 * 100:0.0}% | {pc.Support} |");
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"![confusion matrix]({files.Confusion})");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"![confusion matrix, row-normalised]({files.ConfusionNormalized})");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"![precision, recall and F1 per class]({files.PerClass})");
        text.AppendLine();
        text.AppendLine("## Most confident mistakes");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"![most confident mistakes]({files.Misclassified})");
        text.AppendLine();
        text.AppendLine("## Reproduce");
        text.AppendLine();
        text.AppendLine("```sh");
        text.AppendLine(r.CommandLine);
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Model SHA-256 `{result.ModelSha256}`; data `{result.Faces.Source}`.");
        text.AppendLine();
        text.AppendLine("## Model metadata");
        text.AppendLine();
        text.AppendLine("| key | value |");
        text.AppendLine("| --- | --- |");
        foreach (var (key, value) in result.ModelMetadata.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {key} | {value} |");
        }
        File.WriteAllText(path, text.ToString());
    }
}
