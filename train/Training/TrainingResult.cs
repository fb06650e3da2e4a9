using FerMusic.Train.Models;

namespace FerMusic.Train.Training;

public enum TrainingOutcome
{
    Completed,
    StoppedEarly,
    Interrupted,
}

/// <param name="Model">The network with the weights of the best validation epoch.</param>
/// <param name="Options">The options the run trained with (with a time budget, the epochs it planned).</param>
public sealed record TrainingResult(EmotionNet Model, CheckpointState State, TrainingOutcome Outcome, TrainingOptions Options);
