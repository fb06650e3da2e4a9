using System.Text.Json.Serialization;

namespace FerMusic.Train.Training;

/// <summary>Where a run stands after its last completed epoch.</summary>
public sealed record CheckpointState
{
    public required string Architecture { get; init; }

    /// <summary>The optimizer whose state is saved; checkpoints written before the choice existed are AdamW's.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<OptimizerKind>))]
    public OptimizerKind Optimizer { get; init; }

    public int EpochsCompleted { get; init; }
    public int BestEpoch { get; init; }
    public double BestValAccuracy { get; init; } = double.NegativeInfinity;
    public List<EpochMetrics> History { get; init; } = [];
    public double TrainingSeconds { get; init; }

    /// <summary>The epochs a time-budgeted run planned (0 without a budget): a resumed run keeps to them.</summary>
    public int PlannedEpochs { get; init; }

    /// <summary>The epochs completed when the run became its own teacher (0 = it has not; see <see cref="TrainingOptions.SelfDistillation"/>).</summary>
    public int SelfTeacherAfterEpoch { get; init; }

    /// <summary>The 0-based epoch whose steps were the first sharpness-aware ones (null = none yet; see
    /// <see cref="TrainingOptions.Sharpness"/>); from then on the run keeps them to its end, however it is replanned.</summary>
    public int? SharpnessFromEpoch { get; init; }

    /// <summary>An epoch with sharpness-aware steps against a plain one, in time, as measured before the run (0 = not measured).</summary>
    public double SharpnessCost { get; init; }
}
