using FerMusic.Core.Cli;
using FerMusic.Core;
using FerMusic.Core.Fer2013;
using FerMusic.Tests;
using FerMusic.Train.Augmentation;
using FerMusic.Train.Distillation;
using FerMusic.Train.Export;
using FerMusic.Train.Training;

namespace FerMusic.Train.Tests.Training;

public sealed class TrainerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly TrainingOptions SmallRun = new()
    {
        Architecture = "vgg",
        Epochs = 4,
        BatchSize = 32,
        LearningRate = 2e-3,
        WarmupEpochs = 0.5,
        Patience = 0,
        Augmentation = AugmentationOptions.None with { FlipProbability = 0.5, Brightness = 0.05 },
    };

    [Theory]
    [InlineData(OptimizerKind.AdamW, 2e-3)]
    [InlineData(OptimizerKind.Sgd, 2e-2)]
    public void Learns_separable_synthetic_faces_far_above_chance(OptimizerKind optimizer, double learningRate)
    {
        var train = SyntheticFaces.Create(perClass: 40, Fer2013Split.Training, seed: 1);
        var validation = SyntheticFaces.Create(perClass: 10, Fer2013Split.PublicTest, seed: 2);
        var options = SmallRun with { Optimizer = optimizer, LearningRate = learningRate };

        var result = new Trainer(options, SilentObserver.Instance)
            .Run(train, validation, new Checkpoint(_temp.File("checkpoint")), resume: false, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(TrainingOutcome.Completed, result.Outcome);
        Assert.Equal(4, result.State.History.Count);
        Assert.True(result.State.BestValAccuracy > 0.8, $"best validation accuracy {result.State.BestValAccuracy:P1} (chance 14%)");
        var (_, accuracy) = Validator.Evaluate(result.Model, validation, 64);
        Assert.Equal(result.State.BestValAccuracy, accuracy, 6);
    }

    [Theory]
    [InlineData(0.0, 0.0, OptimizerKind.AdamW)]
    [InlineData(0.9, 0.0, OptimizerKind.AdamW)]
    [InlineData(0.0, 0.4, OptimizerKind.AdamW)]
    [InlineData(0.0, 0.0, OptimizerKind.Sgd)]
    [InlineData(0.9, 0.4, OptimizerKind.AdamW, 48)]
    [InlineData(0.9, 0.0, OptimizerKind.AdamW, 0, 0.05)]
    public void A_resumed_run_ends_with_the_same_history_as_an_uninterrupted_one(double weightAveraging, double mixupAlpha, OptimizerKind optimizer,
        int batchNormImages = 0, double sharpness = 0)
    {
        var options = SmallRun with
        {
            Epochs = 3, Augmentation = new AugmentationOptions(), WeightAveraging = weightAveraging, MixupAlpha = mixupAlpha,
            Optimizer = optimizer, BatchNormImages = batchNormImages, Sharpness = sharpness, SharpnessFrom = 0.5,
        };
        var train = SyntheticFaces.Create(perClass: 20, Fer2013Split.Training, seed: 3);
        var validation = SyntheticFaces.Create(perClass: 5, Fer2013Split.PublicTest, seed: 4);

        var straight = new Trainer(options, SilentObserver.Instance)
            .Run(train, validation, new Checkpoint(_temp.File("straight")), resume: false, cancellation: TestContext.Current.CancellationToken);

        using var stop = new CancellationTokenSource();
        var checkpoint = new Checkpoint(_temp.File("interrupted"));
        var interrupted = new Trainer(options, new CancelAfterEpoch(1, stop))
            .Run(train, validation, checkpoint, resume: false, cancellation: stop.Token);
        var resumed = new Trainer(options, SilentObserver.Instance).Run(train, validation, checkpoint, resume: true, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(TrainingOutcome.Interrupted, interrupted.Outcome);
        Assert.Equal(1, interrupted.State.EpochsCompleted);
        Assert.Equal(TrainingOutcome.Completed, resumed.Outcome);
        Assert.Equal(straight.State.History.Count, resumed.State.History.Count);
        foreach (var (a, b) in straight.State.History.Zip(resumed.State.History))
        {
            Assert.Equal(a.TrainLoss, b.TrainLoss, 3);
            Assert.Equal(a.ValLoss, b.ValLoss, 3);
            Assert.Equal(a.ValAccuracy, b.ValAccuracy, 3);
            Assert.Equal(a.LearningRate, b.LearningRate, 12);
        }
    }

    [Fact]
    public void With_the_whole_weight_on_the_teacher_it_learns_the_teacher_instead_of_the_labels()
    {
        var train = SyntheticFaces.Create(perClass: 20, Fer2013Split.Training, seed: 7);
        var validation = SyntheticFaces.Create(perClass: 5, Fer2013Split.PublicTest, seed: 8);
        var happy = TinyModels.Save(TinyModels.AlwaysPredicts(Emotion.Happy), _temp.File("happy.onnx"));
        var teacher = TeacherTargets.Compute([happy], train);
        var options = SmallRun with { Epochs = 2, LabelSmoothing = 0, Teachers = [happy], TeacherWeight = 1 };

        var result = new Trainer(options, SilentObserver.Instance)
            .Run(train, validation, new Checkpoint(_temp.File("distilled")), resume: false, teacher, TestContext.Current.CancellationToken);

        var allHappy = new Fer2013Dataset(validation.Pixels.ToArray(), Enumerable.Repeat(Emotion.Happy, validation.Count).ToArray(),
            validation.Splits.ToArray());
        Assert.Equal(1.0, Validator.Evaluate(result.Model, allHappy, 64).Accuracy);
        Assert.True(result.State.BestValAccuracy < 0.2, $"validation accuracy on the true labels {result.State.BestValAccuracy:P1}");
    }

    [Fact]
    public void Self_distillation_changes_nothing_before_its_epoch_and_the_targets_after_it()
    {
        var train = SyntheticFaces.Create(perClass: 12, Fer2013Split.Training, seed: 11);
        var validation = SyntheticFaces.Create(perClass: 4, Fer2013Split.PublicTest, seed: 12);
        var plain = SmallRun with { Epochs = 3, WeightAveraging = 0.9 };

        var straight = Fresh(plain, train, validation, "plain");
        var distilled = Fresh(plain with { SelfDistillation = 0.5 }, train, validation, "self");

        Assert.Equal(2, distilled.State.SelfTeacherAfterEpoch);
        Assert.Equal(0, straight.State.SelfTeacherAfterEpoch);
        AssertSameEpochs(straight, distilled, 2);
        Assert.NotEqual(straight.State.History[2].TrainLoss, distilled.State.History[2].TrainLoss, 3);
        Assert.True(File.Exists(new Checkpoint(_temp.File("self")).TeacherModel), "the teacher model is kept beside the checkpoint");
    }

    [Fact]
    public void Mixup_until_a_fraction_changes_nothing_before_it_and_stops_blending_after_it()
    {
        var train = SyntheticFaces.Create(perClass: 12, Fer2013Split.Training, seed: 15);
        var validation = SyntheticFaces.Create(perClass: 4, Fer2013Split.PublicTest, seed: 16);
        var mixed = SmallRun with { Epochs = 4, MixupAlpha = 0.4 };

        var throughout = Fresh(mixed, train, validation, "throughout");
        var half = Fresh(mixed with { MixupUntil = 0.5 }, train, validation, "half");

        AssertSameEpochs(throughout, half, 2);
        // Training accuracy counts a blended image as partly right for each of its two labels, so only unblended
        // epochs count whole images: 84 images, every one right or wrong.
        Assert.All(throughout.State.History, h => Assert.NotEqual(Math.Round(h.TrainAccuracy * train.Count), h.TrainAccuracy * train.Count, 6));
        for (var epoch = 2; epoch < 4; epoch++)
        {
            var correct = half.State.History[epoch].TrainAccuracy * train.Count;
            Assert.Equal(Math.Round(correct), correct, 6);
        }
    }

    [Fact]
    public void Sharpness_aware_steps_change_nothing_before_their_epoch_and_the_training_after_it()
    {
        var train = SyntheticFaces.Create(perClass: 12, Fer2013Split.Training, seed: 17);
        var validation = SyntheticFaces.Create(perClass: 4, Fer2013Split.PublicTest, seed: 18);
        var plain = SmallRun with { Epochs = 4 };

        var straight = Fresh(plain, train, validation, "plain");
        var sharp = Fresh(plain with { Sharpness = 0.05, SharpnessFrom = 0.5 }, train, validation, "sharp");

        Assert.Null(straight.State.SharpnessFromEpoch);
        Assert.Equal(2, sharp.State.SharpnessFromEpoch);
        AssertSameEpochs(straight, sharp, 2);
        Assert.NotEqual(straight.State.History[2].ValLoss, sharp.State.History[2].ValLoss, 4);
    }

    [Theory]
    [InlineData(0.05, 1.0)]
    [InlineData(0.05, -0.1)]
    [InlineData(-0.05, 0.5)]
    public void Sharpness_aware_steps_outside_their_range_are_refused_clearly(double radius, double from)
    {
        var error = Assert.Throws<UserErrorException>(() => new Trainer(SmallRun with { Sharpness = radius, SharpnessFrom = from }, SilentObserver.Instance)
            .Run(TinyTraining, TinyTraining, new Checkpoint(_temp.File("c")), resume: false, cancellation: TestContext.Current.CancellationToken));

        Assert.Contains("fraction of the epochs", error.Message);
    }

    [Theory]
    [InlineData(1.0, 68, 68)]
    [InlineData(0.8, 68, 54)]
    [InlineData(0.5, 3, 2)]
    [InlineData(0.01, 10, 1)]
    public void Mixup_ends_at_its_fraction_of_the_planned_epochs(double until, int epochs, int endEpoch) =>
        Assert.Equal(endEpoch, (SmallRun with { MixupUntil = until, Epochs = epochs }).MixupEndEpoch);

    [Fact]
    public void A_self_distilling_run_resumed_after_its_teacher_epoch_ends_like_an_uninterrupted_one()
    {
        var train = SyntheticFaces.Create(perClass: 12, Fer2013Split.Training, seed: 13);
        var validation = SyntheticFaces.Create(perClass: 4, Fer2013Split.PublicTest, seed: 14);
        var options = SmallRun with { Epochs = 4, WeightAveraging = 0.9, SelfDistillation = 0.25 };

        var straight = new Trainer(options, SilentObserver.Instance)
            .Run(train, validation, new Checkpoint(_temp.File("straight")), resume: false, cancellation: TestContext.Current.CancellationToken);
        using var stop = new CancellationTokenSource();
        var checkpoint = new Checkpoint(_temp.File("interrupted"));
        var interrupted = new Trainer(options, new CancelAfterEpoch(2, stop)).Run(train, validation, checkpoint, resume: false, cancellation: stop.Token);
        File.Delete(checkpoint.TeacherModel); // the copy in the checkpoint set must be enough
        var resumed = new Trainer(options, SilentObserver.Instance).Run(train, validation, checkpoint, resume: true, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(1, interrupted.State.SelfTeacherAfterEpoch);
        Assert.Equal(2, interrupted.State.EpochsCompleted);
        Assert.Equal(1, resumed.State.SelfTeacherAfterEpoch);
        Assert.Equal(straight.State.History.Count, resumed.State.History.Count);
        foreach (var (a, b) in straight.State.History.Zip(resumed.State.History))
        {
            Assert.Equal(a.TrainLoss, b.TrainLoss, 3);
            Assert.Equal(a.ValLoss, b.ValLoss, 3);
        }
    }

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(1.0, false)]
    [InlineData(-0.1, false)]
    public void Self_distillation_with_another_teacher_or_outside_0_to_1_is_refused_clearly(double point, bool withTeacher)
    {
        var happy = TinyModels.Save(TinyModels.AlwaysPredicts(Emotion.Happy), _temp.File("happy.onnx"));
        var teacher = withTeacher ? TeacherTargets.Compute([happy], TinyTraining) : null;

        var error = Assert.Throws<UserErrorException>(() => new Trainer(SmallRun with { SelfDistillation = point }, SilentObserver.Instance)
            .Run(TinyTraining, TinyTraining, new Checkpoint(_temp.File("c")), resume: false, teacher, TestContext.Current.CancellationToken));

        Assert.Contains(withTeacher ? "own teacher" : "fraction of the epochs", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.2)]
    public void Mixup_until_outside_its_range_is_refused_clearly(double until)
    {
        var error = Assert.Throws<UserErrorException>(() => new Trainer(SmallRun with { MixupAlpha = 0.2, MixupUntil = until }, SilentObserver.Instance)
            .Run(TinyTraining, TinyTraining, new Checkpoint(_temp.File("c")), resume: false, cancellation: TestContext.Current.CancellationToken));

        Assert.Contains("fraction of the epochs", error.Message);
    }

    [Fact]
    public void A_run_started_from_an_exported_model_begins_where_that_model_ended()
    {
        var train = SyntheticFaces.Create(perClass: 40, Fer2013Split.Training, seed: 1);
        var validation = SyntheticFaces.Create(perClass: 10, Fer2013Split.PublicTest, seed: 2);
        var trained = new Trainer(SmallRun, SilentObserver.Instance)
            .Run(train, validation, new Checkpoint(_temp.File("trained")), resume: false, cancellation: TestContext.Current.CancellationToken);
        var exported = _temp.File("trained.onnx");
        OnnxExporter.Export(trained.Model, exported);
        var standStill = SmallRun with { Epochs = 1, LearningRate = 1e-9, Seed = 8 };

        var fineTuned = new Trainer(standStill with { InitialWeights = exported }, SilentObserver.Instance)
            .Run(train, validation, new Checkpoint(_temp.File("fine-tuned")), resume: false, cancellation: TestContext.Current.CancellationToken);
        var fresh = new Trainer(standStill, SilentObserver.Instance)
            .Run(train, validation, new Checkpoint(_temp.File("fresh")), resume: false, cancellation: TestContext.Current.CancellationToken);

        Assert.True(trained.State.BestValAccuracy > 0.8, $"the trained model scores {trained.State.BestValAccuracy:P1}");
        Assert.True(Math.Abs(trained.State.BestValAccuracy - fineTuned.State.BestValAccuracy) <= 0.03,
            $"started from {trained.State.BestValAccuracy:P1}, scored {fineTuned.State.BestValAccuracy:P1} after an epoch at a learning rate of 1e-9");
        Assert.True(fresh.State.BestValAccuracy < 0.5, $"a fresh network scores {fresh.State.BestValAccuracy:P1}");
    }

    [Fact]
    public void Resuming_with_another_architecture_is_refused_clearly()
    {
        var checkpoint = OneEpochCheckpoint();

        var error = Assert.Throws<UserErrorException>(() => Resume(SmallRun with { Architecture = "paper" }, checkpoint));

        Assert.Contains("resume with --arch vgg", error.Message);
    }

    [Fact]
    public void Resuming_with_another_optimizer_is_refused_clearly()
    {
        var checkpoint = OneEpochCheckpoint();

        var error = Assert.Throws<UserErrorException>(() => Resume(SmallRun with { Optimizer = OptimizerKind.Sgd }, checkpoint));

        Assert.Contains("resume with --optimizer AdamW", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Sgd_without_a_momentum_between_0_and_1_is_refused_clearly(double momentum)
    {
        var options = SmallRun with { Optimizer = OptimizerKind.Sgd, Momentum = momentum };

        var error = Assert.Throws<UserErrorException>(() =>
            new Trainer(options, SilentObserver.Instance).Run(TinyTraining, TinyTraining, new Checkpoint(_temp.File("c")), resume: false,
                cancellation: TestContext.Current.CancellationToken));

        Assert.Contains("--momentum", error.Message);
    }

    [Fact]
    public void A_checkpoint_that_names_no_optimizer_resumes_as_adamw()
    {
        var checkpoint = OneEpochCheckpoint();
        var statePath = Path.Combine(checkpoint.Directory, "state.json");
        var state = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(statePath))!.AsObject();
        Assert.True(state.Remove("Optimizer"));
        File.WriteAllText(statePath, state.ToJsonString());
        File.Delete(Path.Combine(checkpoint.Directory, "manifest.json")); // as written before checkpoints had manifests

        var resumed = Resume(SmallRun with { Epochs = 2 }, checkpoint);

        Assert.Equal(2, resumed.State.EpochsCompleted);
    }

    [Fact]
    public void Early_stopping_ends_the_run_after_patience_epochs_without_improvement()
    {
        var train = SyntheticFaces.Create(perClass: 4, Fer2013Split.Training, seed: 6);
        var options = SmallRun with { Epochs = 20, Patience = 1, LearningRate = 0 };

        var result = new Trainer(options, SilentObserver.Instance).Run(train, train, new Checkpoint(_temp.File("c")), resume: false, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(TrainingOutcome.StoppedEarly, result.Outcome);
        Assert.True(result.State.EpochsCompleted < 20);
    }

    private static readonly Fer2013Dataset TinyTraining = SyntheticFaces.Create(perClass: 4, Fer2013Split.Training, seed: 5);

    /// <summary>A run from a fresh network, checkpointed under <paramref name="name"/>.</summary>
    private TrainingResult Fresh(TrainingOptions options, Fer2013Dataset train, Fer2013Dataset validation, string name) =>
        new Trainer(options, SilentObserver.Instance)
            .Run(train, validation, new Checkpoint(_temp.File(name)), resume: false, cancellation: TestContext.Current.CancellationToken);

    /// <summary>The first <paramref name="epochs"/> epochs of two runs have the same training and validation losses.</summary>
    private static void AssertSameEpochs(TrainingResult a, TrainingResult b, int epochs)
    {
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            Assert.Equal(a.State.History[epoch].TrainLoss, b.State.History[epoch].TrainLoss, 6);
            Assert.Equal(a.State.History[epoch].ValLoss, b.State.History[epoch].ValLoss, 6);
        }
    }

    /// <summary>A checkpoint after one epoch of <see cref="SmallRun"/> on a few faces.</summary>
    private Checkpoint OneEpochCheckpoint()
    {
        var checkpoint = new Checkpoint(_temp.File("checkpoint"));
        new Trainer(SmallRun with { Epochs = 1 }, SilentObserver.Instance)
            .Run(TinyTraining, TinyTraining, checkpoint, resume: false, cancellation: TestContext.Current.CancellationToken);
        return checkpoint;
    }

    private static TrainingResult Resume(TrainingOptions options, Checkpoint checkpoint) =>
        new Trainer(options, SilentObserver.Instance)
            .Run(TinyTraining, TinyTraining, checkpoint, resume: true, cancellation: TestContext.Current.CancellationToken);

    private sealed class CancelAfterEpoch(int epoch, CancellationTokenSource source) : ITrainingObserver
    {
        public void BatchCompleted(BatchProgress progress) { }

        public void EpochCompleted(EpochMetrics metrics, int epochs, bool isBest)
        {
            if (metrics.Epoch == epoch)
            {
                source.Cancel();
            }
        }

        public void Message(string text) { }
    }
}
