using System.Text.Json;
using System.Text.Json.Nodes;
using FerMusic.Eval.Evaluation;

namespace FerMusic.Eval.Reporting;

/// <summary>Writes <c>metrics.json</c>.</summary>
public static class MetricsJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static JsonObject ToJson(EvaluationResult result)
    {
        var m = result.Metrics;
        var perClass = new JsonObject();
        for (var c = 0; c < m.Labels.Count; c++)
        {
            perClass[m.Labels[c]] = JsonSerializer.SerializeToNode(m.PerClass[c]);
        }
        return new JsonObject
        {
            ["accuracy"] = m.Accuracy,
            ["macro_f1"] = m.MacroF1,
            ["n"] = m.Count,
            ["split"] = result.Faces.Split,
            ["labels"] = new JsonArray([.. m.Labels.Select(l => JsonValue.Create(l))]),
            ["label_set"] = result.Request.Labels.ToString().ToLowerInvariant(),
            ["tta"] = result.Request.Tta.ToString().ToLowerInvariant(),
            ["model"] = result.Request.ModelPath,
            ["model_sha256"] = result.ModelSha256,
            ["model_labels"] = new JsonArray([.. result.ModelLabels.Select(l => JsonValue.Create(l))]),
            ["data"] = result.Faces.Source,
            ["excluded"] = JsonSerializer.SerializeToNode(result.Faces.Excluded),
            ["ms_per_face"] = result.MillisecondsPerFace,
            ["per_class"] = perClass,
            ["confusion"] = JsonSerializer.SerializeToNode(m.Confusion),
            ["command_line"] = result.Request.CommandLine,
        };
    }

    public static void Write(string path, EvaluationResult result) =>
        File.WriteAllText(path, ToJson(result).ToJsonString(Options));
}
