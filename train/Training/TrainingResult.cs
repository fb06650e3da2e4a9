using FerMusic.Train.Models;

namespace FerMusic.Train.Training;

public enum TrainingOutcome
{
    Completed,
    StoppedEarly,
    Interrupted,
}

/// <param name="Model">The network with the weights of the best validation epoch.</param>
public sealed record TrainingResult(EmotionNet Model, CheckpointState State, TrainingOutcome Outcome);
