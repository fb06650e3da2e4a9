using System.Text.Json;
using System.Text.Json.Serialization;

namespace FerMusic.Train.Reporting;

/// <summary>The contents of <c>model.json</c>, written next to <c>model.onnx</c>.</summary>
public sealed record ModelSummary
{
    [JsonPropertyName("architecture")] public required string Architecture { get; init; }
    [JsonPropertyName("parameters")] public long Parameters { get; init; }
    [JsonPropertyName("multiply_adds")] public long MultiplyAdds { get; init; }
    [JsonPropertyName("epochs_run")] public int EpochsRun { get; init; }
    [JsonPropertyName("best_epoch")] public int BestEpoch { get; init; }
    [JsonPropertyName("best_val_accuracy")] public double BestValAccuracy { get; init; }
    [JsonPropertyName("validation_split")] public string ValidationSplit { get; init; } = "PublicTest";
    [JsonPropertyName("training_images")] public int TrainingImages { get; init; }
    [JsonPropertyName("training_data_sha256")] public required string TrainingDataSha256 { get; init; }
    [JsonPropertyName("command_line")] public required string CommandLine { get; init; }
    [JsonPropertyName("wall_time_seconds")] public double WallTimeSeconds { get; init; }
    [JsonPropertyName("training_seconds")] public double TrainingSeconds { get; init; }
    [JsonPropertyName("time_budget_minutes")] public double? TimeBudgetMinutes { get; init; }
    [JsonPropertyName("outcome")] public required string Outcome { get; init; }
    [JsonPropertyName("options")] public required object Options { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
}
