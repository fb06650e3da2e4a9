using FerMusic.Core.Numerics;
using FerMusic.Core.Cli;
using System.Diagnostics;
using FerMusic.Core;
using FerMusic.Core.Fer2013;
using FerMusic.Train.Distillation;
using FerMusic.Train.Export;
using FerMusic.Train.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerMusic.Train.Training;

/// <summary>
/// Trains an architecture with the chosen optimizer, learning-rate schedule and batch augmentation, validating after
/// every epoch and checkpointing the run. Every random draw of an epoch comes from a seed derived from the run's
/// seed and the epoch number, so a resumed run repeats the epochs an uninterrupted one would have run.
/// Given a teacher's soft targets for the training images, it distils them (see <see cref="SmoothedCrossEntropy"/>).
/// </summary>
public sealed class Trainer(TrainingOptions options, ITrainingObserver observer)
{
    private TrainingOptions _options = options;

    /// <param name="budget">Plan the number of epochs to end within this time (see <see cref="TimeBudget"/>); null = the options' epochs.</param>
    public TrainingResult Run(Fer2013Dataset train, Fer2013Dataset validation, Checkpoint checkpoint, bool resume,
        TeacherTargets? teacher = null, CancellationToken cancellation = default, TimeBudget? budget = null)
    {
        if (train.Count < 2)
        {
            throw new UserErrorException($"Training needs at least 2 images, got {train.Count}.");
        }
        if (teacher is not null && teacher.Count != train.Count)
        {
            throw new ArgumentException($"The teacher's targets are for {teacher.Count} images, training has {train.Count}.");
        }
        if (teacher is not null && _options.SelfDistillation > 0)
        {
            throw new UserErrorException("Self-distillation makes the run its own teacher; use it without --teacher and --ferplus.");
        }
        if (_options.SelfDistillation is < 0 or >= 1)
        {
            throw new UserErrorException($"The self-distillation point is a fraction of the epochs, 0 (off) up to below 1; got {_options.SelfDistillation}.");
        }
        if (_options.MixupUntil is <= 0 or > 1)
        {
            throw new UserErrorException($"Mixup ends after a fraction of the epochs above 0, up to 1 (throughout); got {_options.MixupUntil}.");
        }
        if (_options.Sharpness < 0 || _options.SharpnessFrom is < 0 or >= 1)
        {
            throw new UserErrorException($"Sharpness-aware steps need a radius of 0 (off) or more and a start below 1 (a fraction of the epochs); got {_options.Sharpness} from {_options.SharpnessFrom}.");
        }
        manual_seed(_options.Seed);
        var model = Architectures.Get(_options.Architecture).Create(EmotionLabels.Count);
        model.Compute = _options.Compute;
        if (_options.InitialWeights is { } initial && !resume)
        {
            OnnxWeightImporter.Load(model, initial);
        }
        var optimizer = Optimizers.Create(_options, model.parameters());
        var state = resume
            ? checkpoint.Load(model, optimizer, _options.Optimizer, observer.Message)
            : new CheckpointState { Architecture = model.Architecture, Optimizer = _options.Optimizer };
        using var average = _options.WeightAveraging > 0 ? new WeightAverage(model, _options.WeightAveraging) : null;
        if (average is not null && resume)
        {
            checkpoint.LoadAverage(average.Model);
        }
        if (average is not null)
        {
            average.Model.Compute = _options.Compute;
        }
        var validated = average?.Model ?? model;
        if (resume)
        {
            observer.Message($"Resuming after epoch {state.EpochsCompleted} (best so far {state.BestValAccuracy:P2} at epoch {state.BestEpoch}).");
        }

        var context = EpochContext.Create(_options, model, average, optimizer, train, teacher);
        try
        {
            return Train(train, validation, checkpoint, resume, budget, model, optimizer, state, validated, context, cancellation);
        }
        finally
        {
            context.Dispose();
        }
    }

    private TrainingResult Train(Fer2013Dataset train, Fer2013Dataset validation, Checkpoint checkpoint, bool resume, TimeBudget? budget,
        EmotionNet model, OptimizerHelper optimizer, CheckpointState state, EmotionNet validated, EpochContext context, CancellationToken cancellation)
    {
        var calibration = _options.BatchNormImages > 0 ? train.Subset(BatchSource.InOrder(Math.Min(_options.BatchNormImages, train.Count))) : null;
        var outcome = TrainingOutcome.Completed;
        if (resume && state.PlannedEpochs > 0)
        {
            _options = _options with { Epochs = state.PlannedEpochs };
        }
        else if (budget is not null)
        {
            var (epochSeconds, sharpnessCost) = EstimateEpochSeconds(train, validation, validated, calibration);
            state = state with { SharpnessCost = sharpnessCost };
            _options = _options with { Epochs = budget.Plan(epochSeconds, EpochCosts(state)) };
            observer.Message($"Time budget {budget.Budget.TotalMinutes:0.#} min ({budget.Elapsed.TotalSeconds:0} s used): planned {_options.Epochs} epochs" +
                             (_options.Sharpness > 0 ? $", sharpness-aware from epoch {_options.SharpnessStartEpoch + 1} (each {sharpnessCost:0.00}x a plain one)." : "."));
        }
        var schedule = LearningRateSchedule.Create(_options);
        if (resume && state.SelfTeacherAfterEpoch > 0)
        {
            context = context with { Teacher = TeacherTargets.Compute([checkpoint.RestoreTeacher()], train) };
        }

        for (var epoch = state.EpochsCompleted; epoch < _options.Epochs; epoch++)
        {
            if (state.SelfTeacherAfterEpoch == 0 && epoch >= _options.SelfDistillationEpoch)
            {
                context = context with { Teacher = BecomeOwnTeacher(validated, train, validation, checkpoint) };
                state = state with { SelfTeacherAfterEpoch = epoch };
            }
            if (_options.Patience > 0 && state.BestEpoch > 0 && epoch - state.BestEpoch >= _options.Patience)
            {
                observer.Message($"Validation accuracy has not improved for {_options.Patience} epochs; stopping early.");
                outcome = TrainingOutcome.StoppedEarly;
                break;
            }
            if (_options.Sharpness > 0 && state.SharpnessFromEpoch is null && epoch >= _options.SharpnessStartEpoch)
            {
                state = state with { SharpnessFromEpoch = epoch };
                observer.Message($"Sharpness-aware steps from here on (radius {_options.Sharpness:0.###}).");
            }
            var clock = Stopwatch.StartNew();
            var trained = TrainEpoch(context, schedule, epoch, state.History, cancellation, sharpness: epoch >= state.SharpnessFromEpoch);
            if (trained is null)
            {
                outcome = TrainingOutcome.Interrupted;
                break;
            }
            if (calibration is not null)
            {
                BatchNormRecalibration.Run(validated, calibration, _options.ValidationBatchSize);
            }
            var (valLoss, valAccuracy) = Validator.Evaluate(validated, validation, _options.ValidationBatchSize);
            var metrics = new EpochMetrics(epoch + 1, trained.Value.Loss, trained.Value.Accuracy, valLoss, valAccuracy,
                trained.Value.LearningRate, clock.Elapsed.TotalSeconds);
            var isBest = valAccuracy > state.BestValAccuracy || state.BestEpoch == 0;
            state = state with
            {
                EpochsCompleted = epoch + 1,
                BestEpoch = isBest ? epoch + 1 : state.BestEpoch,
                BestValAccuracy = isBest ? valAccuracy : state.BestValAccuracy,
                History = [.. state.History, metrics],
                TrainingSeconds = state.TrainingSeconds + metrics.Seconds,
                PlannedEpochs = budget is null ? 0 : _options.Epochs,
            };
            if (budget is not null && budget.Replan(epoch + 1, _options.Epochs, PlainEpochSeconds(state), EpochCosts(state)) is var planned && planned != _options.Epochs)
            {
                observer.Message($"Time budget: the run now ends after epoch {planned} instead of {_options.Epochs}.");
                _options = _options with { Epochs = planned };
                schedule = LearningRateSchedule.Create(_options);
                state = state with { PlannedEpochs = planned };
            }
            checkpoint.Save(state, model, optimizer, validated, isBest, withTeacher: state.SelfTeacherAfterEpoch > 0);
            observer.EpochCompleted(metrics, _options.Epochs, isBest);
        }

        checkpoint.LoadBestWeights(model);
        model.eval();
        return new TrainingResult(model, state, outcome, _options);
    }

    /// <summary>
    /// Exports the validated network as the run's teacher and returns its probabilities of every Training image and
    /// its mirror image (<see cref="TrainingOptions.SelfDistillation"/>).
    /// </summary>
    private TeacherTargets BecomeOwnTeacher(EmotionNet validated, Fer2013Dataset train, Fer2013Dataset validation, Checkpoint checkpoint)
    {
        var clock = Stopwatch.StartNew();
        OnnxExporter.Export(validated, checkpoint.TeacherModel);
        var targets = TeacherTargets.Compute([checkpoint.TeacherModel], train);
        var publicTest = TeacherTargets.Compute([checkpoint.TeacherModel], validation);
        observer.Message($"Self-distillation from here on (weight {_options.TeacherWeight:0.##}): the network so far, averaged over each image and its mirror, " +
                         $"agrees with {targets.Agreement(train):P2} of the Training labels and scores {publicTest.Agreement(validation):P2} on PublicTest ({clock.Elapsed.TotalSeconds:0} s).");
        return targets;
    }

    /// <summary>
    /// A plain epoch's seconds: the real loop timed on a few batches, plus recalibration, validation and a checkpoint;
    /// and, with sharpness-aware steps, how many times longer an epoch of them takes (1 without).
    /// </summary>
    private (double Seconds, double SharpnessCost) EstimateEpochSeconds(Fer2013Dataset train, Fer2013Dataset validation, EmotionNet validated, Fer2013Dataset? calibration)
    {
        var batches = Math.Min(30, Math.Max(1, train.Count / _options.BatchSize - 3));
        double TrainSeconds(bool sharpness) => train.Count / (batches * _options.BatchSize / MeasureLoop(train, batches, sharpness: sharpness).Total.TotalSeconds);
        var trainSeconds = TrainSeconds(sharpness: false);
        var clock = Stopwatch.StartNew();
        if (calibration is not null)
        {
            BatchNormRecalibration.Run(validated, calibration, _options.ValidationBatchSize);
        }
        Validator.Evaluate(validated, validation, _options.ValidationBatchSize);
        var rest = clock.Elapsed.TotalSeconds + 0.5;
        // The first timing of a process runs slow (about a tenth), so the sharpness-aware loop is compared with a
        // plain one timed right after it, not with the first.
        var cost = _options.Sharpness > 0 ? (TrainSeconds(sharpness: true) + rest) / (TrainSeconds(sharpness: false) + rest) : 1;
        return (trainSeconds + rest, Math.Max(1, cost));
    }

    /// <summary>The typical (median) time of the plain epochs so far (of all epochs if none was plain).</summary>
    private static double PlainEpochSeconds(CheckpointState state)
    {
        var plain = state.History.Where(h => state.SharpnessFromEpoch is not { } from || h.Epoch <= from).Select(h => h.Seconds).ToList();
        return Quantiles.Of(plain.Count > 0 ? plain : state.History.Select(h => h.Seconds), 0.5);
    }

    /// <summary>
    /// Each epoch's time in plain epochs for the planner: the sharpness-aware ones cost what they were measured to cost
    /// (their median against the plain epochs' once there are some, the estimate before the run until then); null when
    /// the run has none.
    /// </summary>
    private TimeBudget.EpochCost? EpochCosts(CheckpointState state)
    {
        if (_options.Sharpness <= 0)
        {
            return null;
        }
        var options = _options;
        var factor = state.SharpnessCost > 0 ? state.SharpnessCost : 2;
        if (state.SharpnessFromEpoch is { } from && state.History.Where(h => h.Epoch > from).Select(h => h.Seconds).ToList() is { Count: > 0 } sharp
            && state.History.Any(h => h.Epoch <= from))
        {
            factor = Math.Max(1, Quantiles.Of(sharp, 0.5) / PlainEpochSeconds(state));
        }
        return (epoch, planned) => epoch >= (state.SharpnessFromEpoch ?? (options with { Epochs = planned }).SharpnessStartEpoch) ? factor : 1;
    }

    /// <summary>
    /// Times the real training loop of this trainer's options on <paramref name="train"/> for <paramref name="batches"/>
    /// batches (after <paramref name="warmup"/> untimed ones): batch assembly, augmentation, forward, loss, backward,
    /// optimiser and weight averaging, as <c>train bench --data</c> reports them.
    /// </summary>
    /// <param name="sharpness">Time sharpness-aware steps (the options' radius, or 0.05 if they have none).</param>
    public StageTimes MeasureLoop(Fer2013Dataset train, int batches, int warmup = 3, bool sharpness = false)
    {
        manual_seed(_options.Seed);
        using var model = Architectures.Get(_options.Architecture).Create(EmotionLabels.Count);
        model.Compute = _options.Compute;
        var optimizer = Optimizers.Create(_options, model.parameters());
        using var average = _options.WeightAveraging > 0 ? new WeightAverage(model, _options.WeightAveraging) : null;
        var options = sharpness && _options.Sharpness <= 0 ? _options with { Sharpness = 0.05 } : _options;
        using var context = EpochContext.Create(options, model, average, optimizer, train, teacher: null);
        var schedule = LearningRateSchedule.Create(_options);
        TrainEpoch(context, schedule, 0, [], CancellationToken.None, maxBatches: warmup, sharpness: sharpness);
        var times = new StageTimes();
        TrainEpoch(context, schedule, 1, [], CancellationToken.None, times, batches, sharpness);
        return times;
    }

    private (double Loss, double Accuracy, double LearningRate)? TrainEpoch(EpochContext context, LearningRateSchedule schedule, int epoch, IReadOnlyList<EpochMetrics> history,
        CancellationToken cancellation, StageTimes? times = null, int? maxBatches = null, bool sharpness = false)
    {
        var (model, average, optimizer, source, teacher) = (context.Model, context.Average, context.Optimizer, context.Source, context.Teacher);
        var sharp = sharpness ? context.Sharpness : null;
        var seed = EpochSeed(epoch);
        manual_seed(seed);
        using var generator = new Generator((ulong)seed);
        var order = BatchSource.Shuffled(source.ImageCount, (int)seed);
        var batches = source.BatchCount(order.Length);
        if (order.Length % source.BatchSize == 1)
        {
            batches--; // batch normalisation cannot train on a batch of one image
        }
        batches = Math.Min(batches, maxBatches ?? batches);

        model.train();
        var clock = Stopwatch.StartNew();
        double lossSum = 0, learningRate = 0;
        double correct = 0;
        long seen = 0;
        times?.Restart();
        for (var batch = 0; batch < batches; batch++)
        {
            if (cancellation.IsCancellationRequested)
            {
                return null;
            }
            using var scope = NewDisposeScope();
            learningRate = schedule.At(epoch, (double)batch / batches, history);
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = learningRate;
            }
            var (images, labels) = source.Batch(order, batch);
            var softTargets = teacher is null ? null : source.SoftTargets(order, batch, teacher);
            times?.Lap("batch assembly");
            var augmented = context.Augmenter.Apply(images, generator);
            var mixed = epoch < _options.MixupEndEpoch ? context.Mixup?.Apply(augmented, labels, generator) : null;
            times?.Lap("augmentation");
            optimizer.zero_grad();
            var input = mixed?.Images ?? augmented;
            var logits = model.forward(input);
            times?.Lap("forward");
            Tensor LossOf(Tensor output)
            {
                Tensor Against(Tensor targets, Tensor? soft) =>
                    SmoothedCrossEntropy.Loss(output, targets, _options.LabelSmoothing, context.ClassWeights, soft, _options.TeacherWeight, context.LogitOffsets);
                return mixed?.Loss(Against, softTargets) ?? Against(labels, softTargets);
            }
            var loss = LossOf(logits);
            times?.Lap("loss");
            loss.backward();
            times?.Lap("backward");
            if (sharp is not null)
            {
                sharp.Perturb();
                optimizer.zero_grad();
                LossOf(model.forward(input)).backward();
                sharp.Restore();
                times?.Lap("sharpness-aware pass");
            }
            optimizer.step();
            times?.Lap("optimiser");
            average?.Update((long)epoch * batches + batch);
            times?.Lap("weight average");

            var count = labels.shape[0];
            lossSum += loss.item<float>() * count;
            var predictions = logits.argmax(1);
            correct += mixed?.Correct(predictions) ?? predictions.eq(labels).sum().item<long>();
            seen += count;
            observer.BatchCompleted(new BatchProgress(epoch + 1, _options.Epochs, batch + 1, batches,
                lossSum / seen, correct / seen, seen / clock.Elapsed.TotalSeconds, clock.Elapsed));
            times?.Lap("statistics");
        }
        return (lossSum / seen, correct / seen, learningRate);
    }

    private long EpochSeed(int epoch) => (_options.Seed * 1_000_003 + epoch * 7919 + 17) & 0x7fffffff;
}
