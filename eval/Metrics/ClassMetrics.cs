using System.Text.Json.Serialization;

namespace FerMusic.Eval.Metrics;

public sealed record ClassMetrics(
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("f1")] double F1,
    [property: JsonPropertyName("support")] int Support);
