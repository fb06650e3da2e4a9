using FerMusic.Core.Fer2013;
using FerMusic.Tests;
using FerMusic.Train.Augmentation;
using FerMusic.Train.Training;

namespace FerMusic.Train.Tests.Training;

/// <summary>
/// A run killed while it writes a checkpoint never resumes from a mixed or half-written set: it resumes from the last
/// complete set, ending exactly as an uninterrupted run, or it refuses.
/// </summary>
public sealed class CheckpointFaultTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly TrainingOptions Run = new()
    {
        Architecture = "vgg",
        Epochs = 3,
        BatchSize = 32,
        LearningRate = 2e-3,
        WarmupEpochs = 0.5,
        Patience = 0,
        WeightAveraging = 0.9,
        Augmentation = AugmentationOptions.None with { FlipProbability = 0.5 },
    };

    private static readonly Fer2013Dataset Train = SyntheticFaces.Create(perClass: 6, Fer2013Split.Training, seed: 3);
    private static readonly Fer2013Dataset Validation = SyntheticFaces.Create(perClass: 3, Fer2013Split.PublicTest, seed: 4);

    private sealed class Killed : Exception;

    private TrainingResult Train3(Checkpoint checkpoint, bool resume, List<string>? messages = null) =>
        new Trainer(Run, messages is null ? SilentObserver.Instance : new Recorder(messages))
            .Run(Train, Validation, checkpoint, resume, cancellation: TestContext.Current.CancellationToken);

    public static TheoryData<string> WritePoints => ["model.bin", "optimizer.bin", "average.bin", "best.bin", "state.json", "manifest.json", "switch"];

    [Theory]
    [MemberData(nameof(WritePoints))]
    public void Killed_during_the_second_checkpoint_the_run_resumes_from_a_complete_set_and_ends_as_an_uninterrupted_one(string point)
    {
        var straight = Train3(new Checkpoint(_temp.File("straight")), resume: false);
        var switches = 0;
        var checkpoint = new Checkpoint(_temp.File("killed"))
        {
            AfterWrite = name =>
            {
                if (switches == 1 && name == point)
                {
                    throw new Killed();
                }
                switches += name == "switch" ? 1 : 0;
            },
        };
        Assert.Throws<Killed>(() => Train3(checkpoint, resume: false));
        checkpoint.AfterWrite = null;

        var messages = new List<string>();
        var resumed = Train3(checkpoint, resume: true, messages);

        // Before the switch the first epoch's set is the newest complete one; after it, the second epoch's.
        var resumedAfter = point == "switch" ? 2 : 1;
        Assert.Contains(messages, m => m.StartsWith($"Resuming after epoch {resumedAfter}", StringComparison.Ordinal));
        Assert.Equal(straight.State.History.Select(h => h.ValLoss), resumed.State.History.Select(h => h.ValLoss));
        Assert.Equal(straight.State.History.Select(h => h.TrainLoss), resumed.State.History.Select(h => h.TrainLoss));
    }

    [Fact]
    public void A_set_with_a_file_from_another_epoch_is_refused()
    {
        var checkpoint = new Checkpoint(_temp.File("mixed"));
        var keep = _temp.File("epoch1-model.bin");
        checkpoint.AfterWrite = name =>
        {
            if (name == "switch" && !File.Exists(keep))
            {
                File.Copy(Path.Combine(checkpoint.Directory, "model.bin"), keep);
            }
        };
        new Trainer(Run with { Epochs = 2 }, SilentObserver.Instance).Run(Train, Validation, checkpoint, resume: false, cancellation: TestContext.Current.CancellationToken);
        File.Copy(keep, Path.Combine(checkpoint.Directory, "model.bin"), overwrite: true);

        var error = Assert.Throws<InvalidDataException>(() => Train3(checkpoint, resume: true));

        Assert.Contains("model.bin is not the file the manifest names", error.Message);
        Assert.Contains("without --resume", error.Message);
    }

    [Fact]
    public void A_truncated_weights_file_is_refused()
    {
        var checkpoint = new Checkpoint(_temp.File("truncated"));
        new Trainer(Run with { Epochs = 1 }, SilentObserver.Instance).Run(Train, Validation, checkpoint, resume: false, cancellation: TestContext.Current.CancellationToken);
        var weights = Path.Combine(checkpoint.Directory, "optimizer.bin");
        File.WriteAllBytes(weights, File.ReadAllBytes(weights)[..100]);

        var error = Assert.Throws<InvalidDataException>(() => Train3(checkpoint, resume: true));

        Assert.Contains("optimizer.bin", error.Message);
    }

    private sealed class Recorder(List<string> messages) : ITrainingObserver
    {
        public void BatchCompleted(BatchProgress progress) { }

        public void EpochCompleted(EpochMetrics metrics, int epochs, bool isBest) { }

        public void Message(string text) => messages.Add(text);
    }
}
