namespace FerMusic.Train.Training;

/// <summary>One row of <c>history.csv</c>. Epochs count from 1.</summary>
public sealed record EpochMetrics(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double ValLoss,
    double ValAccuracy,
    double LearningRate,
    double Seconds);
