using FerMusic.Train.Augmentation;

namespace FerMusic.Train.Training;

public enum ScheduleKind
{
    Cosine,
    Step,
    Plateau,
    OneCycle,
}

public enum OptimizerKind
{
    /// <summary>Adam with decoupled weight decay.</summary>
    AdamW,

    /// <summary>Stochastic gradient descent with Nesterov momentum and L2 weight decay.</summary>
    Sgd,
}

/// <summary>Everything that decides a training run; the same options and seed give the same run.</summary>
public sealed record TrainingOptions
{
    public string Architecture { get; init; } = "vgg";
    public int Epochs { get; init; } = 30;
    public int BatchSize { get; init; } = 64;
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.AdamW;
    public double LearningRate { get; init; } = 1e-3;
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>Nesterov momentum of <see cref="OptimizerKind.Sgd"/>.</summary>
    public double Momentum { get; init; } = 0.9;

    public long Seed { get; init; } = 42;

    public ScheduleKind Schedule { get; init; } = ScheduleKind.Cosine;
    public double WarmupEpochs { get; init; } = 1;
    public double MinLearningRate { get; init; } = 1e-6;
    public int StepEvery { get; init; } = 10;
    public double DecayFactor { get; init; } = 0.1;
    public int PlateauPatience { get; init; } = 3;

    public double LabelSmoothing { get; init; } = 0.1;
    public bool ClassWeighting { get; init; }

    /// <summary>Strength tau of the logit-adjusted loss for rare classes (0 = plain cross-entropy, 1 = balanced).</summary>
    public double LogitAdjustment { get; init; }

    /// <summary>FER+ votes (<c>fer2013new.csv</c>) whose per-image vote shares become soft targets, weighted by <see cref="TeacherWeight"/>; null = none.</summary>
    public string? FerPlusVotes { get; init; }

    /// <summary>Stop when validation accuracy has not improved for this many epochs; 0 never stops early.</summary>
    public int Patience { get; init; } = 10;

    /// <summary>Decay of the exponential moving average of the weights that is validated and exported; 0 = off.</summary>
    public double WeightAveraging { get; init; }

    public AugmentationOptions Augmentation { get; init; } = new();

    /// <summary>How the network computes while training and validating (layout, bfloat16); the exported model is float32 either way.</summary>
    public Models.ComputeOptions Compute { get; init; } = Models.ComputeOptions.Float32;

    /// <summary>Alpha of the Beta distribution of mixup's blending weight; 0 = no mixup.</summary>
    public double MixupAlpha { get; init; }

    /// <summary>Mixup only in this fraction of the epochs (0..1]; the rest train on unblended images. 1 = the whole run.</summary>
    public double MixupUntil { get; init; } = 1;

    /// <summary>The 0-based epoch from which mixup is off (the planned number of epochs when it stays on throughout).</summary>
    public int MixupEndEpoch => MixupUntil >= 1 ? Epochs : Math.Max(1, (int)Math.Round(MixupUntil * Epochs));

    /// <summary>
    /// Sharpness-aware minimisation's neighbourhood radius rho (see <see cref="SharpnessAwareStep"/>); 0 = off. Each
    /// step with it costs a second forward and backward pass.
    /// </summary>
    public double Sharpness { get; init; }

    /// <summary>Sharpness-aware steps from this fraction of the epochs on, [0, 1); the epochs before train plainly.</summary>
    public double SharpnessFrom { get; init; } = 0.7;

    /// <summary>The 0-based epoch from which the steps are sharpness-aware (the planned number of epochs when off).</summary>
    public int SharpnessStartEpoch => Sharpness > 0 ? (int)Math.Round(SharpnessFrom * Epochs) : Epochs;

    /// <summary>ONNX models whose averaged probabilities are distilled into the network; none = plain training.</summary>
    public IReadOnlyList<string> Teachers { get; init; } = [];

    /// <summary>Weight of the soft targets (teachers' probabilities or FER+ vote shares) against the smoothed label, 0..1.</summary>
    public double TeacherWeight { get; init; } = 0.5;

    /// <summary>
    /// Self-distillation: after this fraction of the epochs the validated network (the weight average, its batch-norm
    /// statistics recomputed) becomes the run's own teacher; its probabilities of every Training image and its mirror
    /// image blend into the targets for the rest of the run, weighted by <see cref="TeacherWeight"/>. 0 = off.
    /// </summary>
    public double SelfDistillation { get; init; }

    /// <summary>The 0-based epoch before which the self-teacher is taken (at least 1), or null without self-distillation.</summary>
    public int? SelfDistillationEpoch => SelfDistillation > 0 ? Math.Max(1, (int)Math.Round(SelfDistillation * Epochs)) : null;

    /// <summary>An ONNX model exported by this trainer whose weights the run starts from (fine-tuning); null = fresh.</summary>
    public string? InitialWeights { get; init; }

    /// <summary>
    /// Before every validation, recompute the validated network's batch-norm statistics from this many clean
    /// Training images (the first ones); 0 keeps the statistics gathered during training.
    /// </summary>
    public int BatchNormImages { get; init; }

    public int ValidationBatchSize { get; init; } = 256;
}
