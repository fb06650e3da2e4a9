using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FerMusic.Core;
using FerMusic.Eval.Faces;

namespace FerMusic.Eval.Reporting;

/// <summary>The files <c>eval faces</c> writes: metrics, per-picture predictions, pictures and a report.</summary>
public sealed record FacesOutputs
{
    public string Metrics { get; } = "metrics.json";
    public string Predictions { get; } = "predictions.csv";
    public string Confusion { get; } = "confusion.png";
    public string ConfusionNormalized { get; } = "confusion-normalized.png";
    public string PerClass { get; } = "per-class.png";
    public string Crops { get; } = "crops.png";
    public string Mistakes { get; } = "mistakes.png";
    public string Report { get; } = "report.md";

    public IEnumerable<string> All => [Metrics, Predictions, Confusion, ConfusionNormalized, PerClass, Crops, Mistakes, Report];

    private const int SheetSize = 64;

    public static FacesOutputs Write(string directory, FacesEvaluation result, string commandLine)
    {
        Directory.CreateDirectory(directory);
        var files = new FacesOutputs();
        var title = $"{Path.GetFileNameWithoutExtension(result.ModelPath)} on {Path.GetFileName(Path.TrimEndingDirectorySeparator(result.Pictures.Root))} ({result.Settings.Name})";
        File.WriteAllText(Path.Combine(directory, files.Metrics), Json(result, commandLine).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(Path.Combine(directory, files.Predictions), PredictionsCsv(result));
        ConfusionPlot.SaveCounts(Path.Combine(directory, files.Confusion), result.Metrics, title);
        ConfusionPlot.SaveNormalized(Path.Combine(directory, files.ConfusionNormalized), result.Metrics, title);
        PerClassPlot.Save(Path.Combine(directory, files.PerClass), result.Metrics, title);
        FaceSheet.Save(Path.Combine(directory, files.Crops), [.. Enumerable.Range(0, Math.Min(SheetSize, result.Scored.Count)).Select(i => Tile(result, i))]);
        var mistakes = Enumerable.Range(0, result.Scored.Count)
            .Where(i => result.Predicted[i] >= 0 && result.Predicted[i] != result.Scored[i].Picture.Truth)
            .OrderByDescending(i => result.Probabilities[i].Max())
            .Take(SheetSize);
        FaceSheet.Save(Path.Combine(directory, files.Mistakes), [.. mistakes.Select(i => Tile(result, i))]);
        File.WriteAllText(Path.Combine(directory, files.Report), Markdown(result, files, commandLine));
        return files;
    }

    private static SheetFace Tile(FacesEvaluation result, int i)
    {
        var outcome = result.Scored[i];
        var truth = EmotionLabels.Names[outcome.Picture.Truth];
        var predicted = result.Predicted[i];
        var second = predicted < 0 ? "no face" : $"pred {EmotionLabels.Names[predicted]} {result.Probabilities[i].Max():P0}";
        return new SheetFace(outcome.Crop, $"true {truth}", second, predicted != outcome.Picture.Truth);
    }

    public static JsonObject Json(FacesEvaluation result, string commandLine)
    {
        var m = result.Metrics;
        var perClass = new JsonObject();
        for (var c = 0; c < m.Labels.Count; c++)
        {
            var node = JsonSerializer.SerializeToNode(m.PerClass[c])!.AsObject();
            node["no_face"] = m.Unpredicted[c];
            perClass[m.Labels[c]] = node;
        }
        var framing = result.Framing;
        var settings = result.Settings;
        return new JsonObject
        {
            ["accuracy"] = m.Accuracy,
            ["macro_f1"] = m.MacroF1,
            ["n"] = m.Count,
            ["faces_found"] = result.FacesFound,
            ["unreadable"] = new JsonArray([.. result.Unreadable.Select(o => JsonValue.Create(o.Picture.Name))]),
            ["excluded"] = JsonSerializer.SerializeToNode(result.Pictures.Excluded),
            ["labels"] = new JsonArray([.. m.Labels.Select(l => JsonValue.Create(l))]),
            ["per_class"] = perClass,
            ["confusion"] = JsonSerializer.SerializeToNode(m.Confusion),
            ["no_face"] = JsonSerializer.SerializeToNode(m.Unpredicted),
            ["detector"] = new JsonObject
            {
                ["name"] = settings.Name,
                ["model"] = result.DetectorModelPath,
                ["options"] = settings.Kind == Vision.Detection.DetectorKind.YuNet
                    ? JsonSerializer.SerializeToNode(settings.YuNet)
                    : JsonSerializer.SerializeToNode(settings.Haar),
            },
            ["crop"] = new JsonObject
            {
                ["alignment"] = settings.Alignment.ToString().ToLowerInvariant(),
                ["framing_source"] = result.FramingMeasured ? "model metadata (measured on its training data)" : "margin (model without a framing for this detector)",
                ["box_centre"] = new JsonArray(framing.BoxCentre.X, framing.BoxCentre.Y),
                ["box_size"] = new JsonArray(framing.BoxSize.X, framing.BoxSize.Y),
                ["eyes"] = framing.Eyes is { } eyes ? new JsonArray(eyes.Left.X, eyes.Left.Y, eyes.Right.X, eyes.Right.Y) : null,
            },
            ["tta"] = settings.Tta.ToString().ToLowerInvariant(),
            ["model"] = result.ModelPath,
            ["model_sha256"] = result.ModelSha256,
            ["images"] = result.Pictures.Root,
            ["labels_file"] = result.Pictures.LabelsFile,
            ["ms_per_picture_detect_and_crop"] = result.DetectMilliseconds,
            ["ms_per_face_classify"] = result.ClassifyMilliseconds,
            ["command_line"] = commandLine,
        };
    }

    private static string PredictionsCsv(FacesEvaluation result)
    {
        var text = new StringBuilder("file,truth,predicted,confidence,faces,box_x,box_y,box_width,box_height");
        foreach (var label in result.ModelLabels)
        {
            text.Append(CultureInfo.InvariantCulture, $",p_{label}");
        }
        text.Append('\n');
        for (var i = 0; i < result.Scored.Count; i++)
        {
            var o = result.Scored[i];
            var predicted = result.Predicted[i] < 0 ? "" : EmotionLabels.Names[result.Predicted[i]];
            var confidence = result.Probabilities[i].Length == 0 ? "" : result.Probabilities[i].Max().ToString("0.0000", CultureInfo.InvariantCulture);
            var box = o.Face is { } face ? $"{face.Box.X},{face.Box.Y},{face.Box.Width},{face.Box.Height}" : ",,,";
            text.Append(CultureInfo.InvariantCulture, $"{Quote(o.Picture.Name)},{EmotionLabels.Names[o.Picture.Truth]},{predicted},{confidence},{o.Faces},{box}");
            foreach (var p in result.Probabilities[i].Length > 0 ? result.Probabilities[i] : new float[result.ModelLabels.Count])
            {
                text.Append(CultureInfo.InvariantCulture, $",{(result.Probabilities[i].Length > 0 ? p.ToString("0.0000", CultureInfo.InvariantCulture) : "")}");
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Quote(string value) => value.Contains(',') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    private static string Markdown(FacesEvaluation result, FacesOutputs files, string commandLine)
    {
        var m = result.Metrics;
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"# The live path on `{result.Pictures.Root}`");
        text.AppendLine();
        text.AppendLine(inv, $"Model `{Path.GetFileName(result.ModelPath)}`, detector **{result.Settings.Name}**, alignment {result.Settings.Alignment.ToString().ToLowerInvariant()}, TTA {result.Settings.Tta.ToString().ToLowerInvariant()}; " +
                             $"{(result.FramingMeasured ? "the model's measured framing" : "the margin framing (the model has no framing for this detector)")}.");
        text.AppendLine();
        text.AppendLine("| accuracy | macro-F1 | pictures | faces found | unreadable | ms/picture (detect + crop) | ms/face (classify) |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        text.AppendLine(inv, $"| {m.Accuracy * 100:0.00}% | {m.MacroF1 * 100:0.00}% | {m.Count} | {result.FacesFound} ({(m.Count == 0 ? 0 : (double)result.FacesFound / m.Count):P1}) | {result.Unreadable.Count} | {result.DetectMilliseconds:0.00} | {result.ClassifyMilliseconds:0.000} |");
        text.AppendLine();
        text.AppendLine("Pictures where no face is found count as wrong.");
        if (result.Unreadable.Count > 0)
        {
            text.AppendLine(inv, $"Unreadable, left out: {string.Join(", ", result.Unreadable.Take(20).Select(o => $"`{o.Picture.Name}`"))}{(result.Unreadable.Count > 20 ? ", ..." : "")}.");
        }
        foreach (var (reason, count) in result.Pictures.Excluded)
        {
            text.AppendLine(inv, $"Left out: {count} {reason}.");
        }
        text.AppendLine();
        text.AppendLine("## Per class");
        text.AppendLine();
        text.AppendLine("| class | precision | recall | F1 | support | no face |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (var c = 0; c < m.Labels.Count; c++)
        {
            var pc = m.PerClass[c];
            text.AppendLine(inv, $"| {m.Labels[c]} | {pc.Precision * 100:0.0}% | {pc.Recall * 100:0.0}% | {pc.F1 * 100:0.0}% | {pc.Support} | {m.Unpredicted[c]} |");
        }
        text.AppendLine();
        text.AppendLine(inv, $"![confusion matrix]({files.Confusion})");
        text.AppendLine();
        text.AppendLine(inv, $"![confusion matrix, row-normalised]({files.ConfusionNormalized})");
        text.AppendLine();
        text.AppendLine(inv, $"![precision, recall and F1 per class]({files.PerClass})");
        text.AppendLine();
        text.AppendLine("## What the model saw");
        text.AppendLine();
        text.AppendLine(inv, $"The first {SheetSize} pictures' 48x48 crops (grey: no face found; red caption: a mistake):");
        text.AppendLine();
        text.AppendLine(inv, $"![crops]({files.Crops})");
        text.AppendLine();
        text.AppendLine("The most confident mistakes:");
        text.AppendLine();
        text.AppendLine(inv, $"![most confident mistakes]({files.Mistakes})");
        text.AppendLine();
        text.AppendLine("## Reproduce");
        text.AppendLine();
        text.AppendLine("```sh");
        text.AppendLine(commandLine);
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine(inv, $"Model SHA-256 `{result.ModelSha256}`; detector model `{result.DetectorModelPath}`.");
        return text.ToString();
    }
}
