namespace FerMusic.Train.Training;

/// <summary>Progress of one epoch so far.</summary>
public readonly record struct BatchProgress(
    int Epoch, int Epochs, int Batch, int Batches, double Loss, double Accuracy, double ImagesPerSecond, TimeSpan Elapsed);

/// <summary>What a trainer reports while it runs.</summary>
public interface ITrainingObserver
{
    void BatchCompleted(BatchProgress progress);

    void EpochCompleted(EpochMetrics metrics, int epochs, bool isBest);

    void Message(string text);
}

public sealed class SilentObserver : ITrainingObserver
{
    public static SilentObserver Instance { get; } = new();

    public void BatchCompleted(BatchProgress progress) { }

    public void EpochCompleted(EpochMetrics metrics, int epochs, bool isBest) { }

    public void Message(string text) { }
}
