namespace FerMusic.Train.Training;

/// <summary>One invocation of the trainer: where the data is, where outputs go and how to train.</summary>
public sealed record TrainingRunRequest
{
    public required string DataPath { get; init; }
    public required string OutputDirectory { get; init; }
    public TrainingOptions Options { get; init; } = new();

    /// <summary>Use only the first N Training rows (for smoke runs).</summary>
    public int? Limit { get; init; }

    public bool Resume { get; init; }

    /// <summary>Plan the epochs so that the whole run, export included, ends within this time (<see cref="TimeBudget"/>).</summary>
    public TimeSpan? TimeBudget { get; init; }
    public bool SkipBadRows { get; init; }

    /// <summary>CPU threads for running teacher models; 0 = all.</summary>
    public int Threads { get; init; }
    public string CommandLine { get; init; } = "";
}
