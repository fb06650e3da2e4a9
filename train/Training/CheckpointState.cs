namespace FerMusic.Train.Training;

/// <summary>Where a run stands after its last completed epoch.</summary>
public sealed record CheckpointState
{
    public required string Architecture { get; init; }
    public int EpochsCompleted { get; init; }
    public int BestEpoch { get; init; }
    public double BestValAccuracy { get; init; } = double.NegativeInfinity;
    public List<EpochMetrics> History { get; init; } = [];
    public double TrainingSeconds { get; init; }
}
