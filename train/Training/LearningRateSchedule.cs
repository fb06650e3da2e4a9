namespace FerMusic.Train.Training;

/// <summary>
/// The learning rate at any point of training. It depends only on the options, the position and the history
/// so far, so a resumed run follows exactly the same schedule.
/// </summary>
public abstract class LearningRateSchedule(TrainingOptions options)
{
    protected TrainingOptions Options { get; } = options;

    /// <param name="epoch">0-based epoch.</param>
    /// <param name="fraction">How far through the epoch, 0..1.</param>
    /// <param name="history">The completed epochs.</param>
    public abstract double At(int epoch, double fraction, IReadOnlyList<EpochMetrics> history);

    public static LearningRateSchedule Create(TrainingOptions options) => options.Schedule switch
    {
        ScheduleKind.Cosine => new CosineSchedule(options),
        ScheduleKind.Step => new StepSchedule(options),
        ScheduleKind.Plateau => new PlateauSchedule(options),
        ScheduleKind.OneCycle => new OneCycleSchedule(options),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Schedule, "Unknown schedule."),
    };
}

/// <summary>Linear warm-up, then cosine decay to the minimum at the last epoch.</summary>
public sealed class CosineSchedule(TrainingOptions options) : LearningRateSchedule(options)
{
    public override double At(int epoch, double fraction, IReadOnlyList<EpochMetrics> history)
    {
        var position = epoch + fraction;
        var warmup = Math.Min(Options.WarmupEpochs, Options.Epochs);
        if (position < warmup)
        {
            return Options.LearningRate * Math.Max(position / warmup, 0.01);
        }
        var span = Math.Max(Options.Epochs - warmup, 1e-9);
        var progress = Math.Clamp((position - warmup) / span, 0, 1);
        return Options.MinLearningRate + (Options.LearningRate - Options.MinLearningRate) * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }
}

/// <summary>
/// The one-cycle policy (Smith and Topin, "Super-convergence", 2019): the rate climbs from a 25th of its peak to the peak
/// over the first quarter of the run, then anneals to a 10,000th of the peak at the last step, both along cosines.
/// The high middle regularises, the long descent converges: good accuracy in few epochs.
/// </summary>
public sealed class OneCycleSchedule(TrainingOptions options) : LearningRateSchedule(options)
{
    public const double WarmupShare = 0.25;
    public const double StartDivisor = 25;
    public const double EndDivisor = 1e4;

    public override double At(int epoch, double fraction, IReadOnlyList<EpochMetrics> history)
    {
        var position = epoch + fraction;
        var peak = Options.LearningRate;
        var warmup = WarmupShare * Options.Epochs;
        if (position < warmup)
        {
            return Cosine(peak / StartDivisor, peak, position / warmup);
        }
        var progress = Math.Clamp((position - warmup) / Math.Max(Options.Epochs - warmup, 1e-9), 0, 1);
        return Cosine(peak, peak / EndDivisor, progress);
    }

    /// <summary>From <paramref name="from"/> at 0 to <paramref name="to"/> at 1 along half a cosine.</summary>
    private static double Cosine(double from, double to, double progress) => to + (from - to) * 0.5 * (1 + Math.Cos(Math.PI * progress));
}

/// <summary>Multiplies the rate by the decay factor every <c>StepEvery</c> epochs.</summary>
public sealed class StepSchedule(TrainingOptions options) : LearningRateSchedule(options)
{
    public override double At(int epoch, double fraction, IReadOnlyList<EpochMetrics> history) =>
        Options.LearningRate * Math.Pow(Options.DecayFactor, epoch / Math.Max(Options.StepEvery, 1));
}

/// <summary>Multiplies the rate by the decay factor whenever validation accuracy stalls for <c>PlateauPatience</c> epochs.</summary>
public sealed class PlateauSchedule(TrainingOptions options) : LearningRateSchedule(options)
{
    public override double At(int epoch, double fraction, IReadOnlyList<EpochMetrics> history)
    {
        var reductions = 0;
        var best = double.NegativeInfinity;
        var stalled = 0;
        foreach (var row in history)
        {
            if (row.ValAccuracy > best)
            {
                best = row.ValAccuracy;
                stalled = 0;
            }
            else if (++stalled >= Options.PlateauPatience)
            {
                reductions++;
                stalled = 0;
            }
        }
        return Math.Max(Options.LearningRate * Math.Pow(Options.DecayFactor, reductions), Options.MinLearningRate);
    }
}
