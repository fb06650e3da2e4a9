using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FerMusic.Core.IO;
using FerMusic.Core.Model;
using FerMusic.Eval.Evaluation;

namespace FerMusic.Eval.Cli;

/// <summary><c>compare</c>: several models on the same faces, in one table.</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var models = new Argument<string[]>("models") { Description = "Two or more ONNX models.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("compare", "Evaluate several models on the same split and write compare.md and compare.json: accuracy, macro-F1, per-class recall, parameters and ms/face.");
        command.Arguments.Add(models);
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var outDir = OutputFolder.Check(parse.GetRequiredValue(common.Out));
            var paths = parse.GetRequiredValue(models);
            var faces = Evaluator.LoadFaces(common.Request(parse, paths[0]));
            var results = paths.Select(path =>
            {
                using var model = EmotionModel.Load(path, parse.GetValue(common.Threads));
                return Evaluator.Run(common.Request(parse, path), model, faces);
            }).ToList();
            File.WriteAllText(Path.Combine(outDir, "compare.md"), Markdown(results));
            File.WriteAllText(Path.Combine(outDir, "compare.json"), Json(results));
            Console.Write(Markdown(results));
            return 0;
        });
        return command;
    }

    private static string Parameters(EvaluationResult r) => r.ModelMetadata.GetValueOrDefault("parameters", "?");

    private static string Markdown(IReadOnlyList<EvaluationResult> results)
    {
        var labels = results[0].Metrics.Labels;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Split {results[0].Faces.Split}, {results[0].Metrics.Count} faces, TTA {results[0].Request.Tta.ToString().ToLowerInvariant()}.");
        text.AppendLine();
        text.AppendLine("| model | accuracy | macro-F1 | " + string.Join(" | ", labels.Select(l => $"{l} recall")) + " | parameters | ms/face |");
        text.AppendLine("| --- | ---: | ---: | " + string.Join(" | ", labels.Select(_ => "---:")) + " | ---: | ---: |");
        foreach (var r in results)
        {
            var m = r.Metrics;
            var recalls = string.Join(" | ", m.PerClass.Select(c => (c.Recall * 100).ToString("0.0", CultureInfo.InvariantCulture)));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {Path.GetFileName(r.Request.ModelPath)} | {m.Accuracy * 100:0.00}% | {m.MacroF1 * 100:0.00}% | {recalls} | {Parameters(r)} | {r.MillisecondsPerFace:0.000} |");
        }
        return text.ToString();
    }

    private static string Json(IReadOnlyList<EvaluationResult> results)
    {
        var array = new JsonArray();
        foreach (var r in results)
        {
            array.Add(new JsonObject
            {
                ["model"] = r.Request.ModelPath,
                ["accuracy"] = r.Metrics.Accuracy,
                ["macro_f1"] = r.Metrics.MacroF1,
                ["recall"] = new JsonObject(r.Metrics.Labels.Select((l, c) => KeyValuePair.Create(l, (JsonNode?)JsonValue.Create(r.Metrics.PerClass[c].Recall)))),
                ["parameters"] = Parameters(r),
                ["ms_per_face"] = r.MillisecondsPerFace,
                ["n"] = r.Metrics.Count,
                ["split"] = r.Faces.Split,
            });
        }
        return array.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
