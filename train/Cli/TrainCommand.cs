using System.CommandLine;
using System.Globalization;
using FerMusic.Core.Cli;
using FerMusic.Train.Augmentation;
using FerMusic.Train.Models;
using FerMusic.Train.Reporting;
using FerMusic.Train.Training;
using static FerMusic.Train.Cli.OptionSet<FerMusic.Train.Training.TrainingOptions>;

namespace FerMusic.Train.Cli;

/// <summary>The root command: train a network on FER2013 and export it.</summary>
public static class TrainCommand
{
    /// <summary>Runs the program: errors end as <see cref="CommandErrors"/> says (one line and exit 1, or a bug's stack trace and exit 70).</summary>
    public static int Run(string[] args) =>
        CommandErrors.Run(() => Create().Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));

    public static RootCommand Create()
    {
        var defaults = new TrainingOptions();
        var augmentDefaults = new AugmentationOptions();
        var root = new RootCommand(
            "Train an emotion CNN on FER2013 with TorchSharp on the CPU and export it to ONNX.\n" +
            "Trains on Training, picks the best epoch on PublicTest; PrivateTest is never read.\n\n" +
            "Architectures:\n" + ArchitectureList() + "\n\n" +
            "Example:\n  dotnet run --project train -c Release -- --data ../shared/data/fer2013/fer2013.csv.gz --out runs/vgg --epochs 30");

        var run = new OptionSet<TrainingRunRequest>(root);
        run.Add(new Option<string>("--data") { Description = "FER2013 in Kaggle layout: fer2013.csv or fer2013.csv.gz (gzip is detected from the content).", Required = true },
            (r, v) => r with { DataPath = v });
        run.Add(new Option<string>("--out") { Description = "Output directory for model.onnx, model.json, curves.png, history.csv and checkpoint/.", Required = true },
            (r, v) => r with { OutputDirectory = v });
        run.Add(new Option<int?>("--limit") { Description = "Train on the first N Training rows only (smoke runs)." }, (r, v) => r with { Limit = v });
        run.Add(new Option<double?>("--time-budget") { Description = "Minutes the whole run may take: the epochs are planned from the measured epoch time (lowered if the machine turns out slower, raised while less than half the plan is done if it turns out faster), so the run ends on time with its schedule finished and the model exported. Overrides --epochs; model.json records the epochs planned." },
            (r, v) => r with { TimeBudget = v is { } minutes ? TimeSpan.FromMinutes(minutes) : null }, v => v is null or > 0 ? null : "must be a positive number of minutes.");
        run.Add(new Option<bool>("--resume") { Description = "Continue the run whose checkpoint is in --out." }, (r, v) => r with { Resume = v });
        run.Add(new Option<bool>("--skip-bad-rows") { Description = "Skip malformed CSV rows (and report how many) instead of stopping at the first." }, (r, v) => r with { SkipBadRows = v });
        var threads = run.Add(new Option<int>("--threads") { Description = "CPU threads for libtorch.", DefaultValueFactory = _ => Environment.ProcessorCount },
            (r, v) => r with { Threads = v }, OptionSet<TrainingRunRequest>.Positive);

        var training = new OptionSet<TrainingOptions>(root);
        var arch = training.Add(new Option<string>("--arch") { Description = "Architecture (see the list above).", DefaultValueFactory = _ => defaults.Architecture },
            (o, v) => o with { Architecture = v });
        arch.AcceptOnlyFromAmong([.. Architectures.Names]);
        training.Add(new Option<int>("--epochs") { Description = "Epochs to train (the total, also when resuming).", DefaultValueFactory = _ => defaults.Epochs },
            (o, v) => o with { Epochs = v }, Positive);
        training.Add(new Option<int>("--batch-size") { Description = "Images per training batch.", DefaultValueFactory = _ => defaults.BatchSize },
            (o, v) => o with { BatchSize = v }, Positive);
        training.Add(new Option<OptimizerKind>("--optimizer") { Description = "AdamW (decoupled weight decay) or Sgd (Nesterov momentum, L2 weight decay; wants a higher --lr, e.g. 0.01).", DefaultValueFactory = _ => defaults.Optimizer },
            (o, v) => o with { Optimizer = v });
        training.Add(new Option<double>("--lr") { Description = "Peak learning rate.", DefaultValueFactory = _ => defaults.LearningRate },
            (o, v) => o with { LearningRate = v }, v => v > 0 ? null : "must be positive.");
        training.Add(new Option<double>("--weight-decay") { Description = "Weight decay: decoupled for AdamW, an L2 term in the gradient for Sgd.", DefaultValueFactory = _ => defaults.WeightDecay },
            (o, v) => o with { WeightDecay = v }, NotNegative);
        training.Add(new Option<double>("--momentum") { Description = "Nesterov momentum of Sgd (between 0 and 1).", DefaultValueFactory = _ => defaults.Momentum },
            (o, v) => o with { Momentum = v });
        training.Add(new Option<ScheduleKind>("--schedule") { Description = "Learning-rate schedule: Cosine (after a linear warm-up), OneCycle (up from lr/25 over the first quarter, then down to lr/10,000; few epochs), Step (x decay every --step-every epochs) or Plateau (x decay when validation stalls).", DefaultValueFactory = _ => defaults.Schedule },
            (o, v) => o with { Schedule = v });
        training.Add(new Option<double>("--warmup") { Description = "Warm-up epochs of the cosine schedule.", DefaultValueFactory = _ => defaults.WarmupEpochs },
            (o, v) => o with { WarmupEpochs = v }, NotNegative);
        training.Add(new Option<int>("--step-every") { Description = "Epochs between decays of the step schedule.", DefaultValueFactory = _ => defaults.StepEvery },
            (o, v) => o with { StepEvery = v }, Positive);
        training.Add(new Option<double>("--decay") { Description = "Factor of the step and plateau schedules.", DefaultValueFactory = _ => defaults.DecayFactor },
            (o, v) => o with { DecayFactor = v }, Fraction);
        training.Add(new Option<double>("--label-smoothing") { Description = "Label smoothing of the cross-entropy (0 = off).", DefaultValueFactory = _ => defaults.LabelSmoothing },
            (o, v) => o with { LabelSmoothing = v }, Fraction);
        training.Add(new Option<double>("--ema") { Description = "Validate and export an exponential moving average of the weights with this decay (e.g. 0.999; 0 = off).", DefaultValueFactory = _ => defaults.WeightAveraging },
            (o, v) => o with { WeightAveraging = v }, v => v is >= 0 and < 1 ? null : "must be 0 or more and below 1.");
        training.Add(new Option<double>("--logit-adjust") { Description = "Logit-adjusted loss for the rare classes (disgust, fear): tau, 0 = off, 1 = balanced (Menon et al., 2021).", DefaultValueFactory = _ => defaults.LogitAdjustment },
            (o, v) => o with { LogitAdjustment = v }, NotNegative);
        training.Add(new Option<bool>("--class-weights") { Description = "Weight the loss by inverse class frequency (helps disgust, costs overall accuracy)." },
            (o, v) => o with { ClassWeighting = v });
        training.Add(new Option<string?>("--ferplus") { Description = "FER+ votes (fer2013new.csv): each Training image's vote shares become soft targets, weighted by --teacher-weight." },
            (o, v) => o with { FerPlusVotes = v });
        training.Add(new Option<bool>("--bf16") { Description = "Compute in bfloat16 (convolutional stages; float32 weights, gradients, batch-norm statistics and classifier), about 1.5x faster on CPUs with AVX-512; the exported model is float32." },
            (o, v) => o with { Compute = o.Compute with { BFloat16 = v } });
        training.Add(new Option<bool>("--channels-last") { Description = "Channels-last activations (oneDNN's preferred layout)." },
            (o, v) => o with { Compute = o.Compute with { ChannelsLast = v } });
        training.Add(new Option<int>("--patience") { Description = "Stop when PublicTest accuracy has not improved for this many epochs (0 = never).", DefaultValueFactory = _ => defaults.Patience },
            (o, v) => o with { Patience = v }, NotNegative);
        training.Add(new Option<long>("--seed") { Description = "Seed of initialisation, shuffling, augmentation and dropout.", DefaultValueFactory = _ => defaults.Seed },
            (o, v) => o with { Seed = v });
        training.Add(new Option<double>("--mixup") { Description = "Mixup: blend each image and its label with another of the batch, weight ~ Beta(alpha, alpha); e.g. 0.2 (0 = off).", DefaultValueFactory = _ => defaults.MixupAlpha },
            (o, v) => o with { MixupAlpha = v }, NotNegative);
        training.Add(new Option<double>("--mixup-until") { Description = "Mixup only in this fraction of the epochs (e.g. 0.85); the last epochs train on unblended images (1 = throughout).", DefaultValueFactory = _ => defaults.MixupUntil },
            (o, v) => o with { MixupUntil = v }, v => v is > 0 and <= 1 ? null : "must be a fraction of the epochs above 0, up to 1 (throughout).");
        training.Add(new Option<string[]>("--teacher") { Description = "Distil a trained ONNX model (FerMusic contract, e.g. models/fer2013-vgg-mixup100-ft.onnx) into the network: its probabilities of each Training image and its mirror image, averaged over all --teacher models, blend into the targets. Repeat for several teachers." },
            (o, v) => o with { Teachers = v ?? [] });
        training.Add(new Option<double>("--teacher-weight") { Description = "Weight of the soft targets (the teachers' probabilities or the FER+ vote shares) against the (smoothed) label, 0..1.", DefaultValueFactory = _ => defaults.TeacherWeight },
            (o, v) => o with { TeacherWeight = v }, Fraction);
        training.Add(new Option<double>("--self-distill") { Description = "Self-distillation: after this fraction of the epochs (e.g. 0.65) the network so far (weight average, batch-norm statistics recomputed) becomes the run's own teacher; its probabilities of each Training image and its mirror image blend into the targets for the rest of the run, weighted by --teacher-weight (0 = off).", DefaultValueFactory = _ => defaults.SelfDistillation },
            (o, v) => o with { SelfDistillation = v }, v => v is >= 0 and < 1 ? null : "must be 0 (off) or a fraction of the epochs below 1.");
        training.Add(new Option<double>("--sam") { Description = "Sharpness-aware minimisation (Foret et al., 2021) with this neighbourhood radius rho (e.g. 0.05; 0 = off): each step takes the gradient again at the nearby weights where the loss rises fastest, which favours flat minima and is reported to cope well with noisy labels; such a step costs a second forward and backward pass. With --time-budget the planner counts that cost.", DefaultValueFactory = _ => defaults.Sharpness },
            (o, v) => o with { Sharpness = v }, NotNegative);
        training.Add(new Option<double>("--sam-from") { Description = "Sharpness-aware steps only from this fraction of the epochs on (0 = throughout); the late phase is where they pay most for their time.", DefaultValueFactory = _ => defaults.SharpnessFrom },
            (o, v) => o with { SharpnessFrom = v }, v => v is >= 0 and < 1 ? null : "must be a fraction of the epochs, 0 (throughout) up to below 1.");
        training.Add(new Option<string?>("--init") { Description = "Start from the weights of a model this trainer exported instead of a fresh network: fine-tuning. Its architecture must be --arch." },
            (o, v) => o with { InitialWeights = v });
        training.Add(new Option<int>("--bn-recalibrate") { Description = "Before every validation, recompute the batch-norm statistics of the validated network from this many clean Training images (0 = keep those gathered on the augmented batches).", DefaultValueFactory = _ => defaults.BatchNormImages },
            (o, v) => o with { BatchNormImages = v }, NotNegative);

        var augmentation = new OptionSet<AugmentationOptions>(root);
        var noAugment = new Option<bool>("--no-augment") { Description = "Switch all augmentation off." };
        root.Options.Add(noAugment);
        augmentation.Add(new Option<int>("--shift") { Description = "Largest random shift in pixels (reflect-padded random crop).", DefaultValueFactory = _ => augmentDefaults.MaxShift },
            (a, v) => a with { MaxShift = v }, OptionSet<AugmentationOptions>.NotNegative);
        augmentation.Add(new Option<double>("--flip") { Description = "Probability of a horizontal flip.", DefaultValueFactory = _ => augmentDefaults.FlipProbability },
            (a, v) => a with { FlipProbability = v }, OptionSet<AugmentationOptions>.Fraction);
        augmentation.Add(new Option<double>("--rotation") { Description = "Largest rotation in degrees, either way.", DefaultValueFactory = _ => augmentDefaults.MaxRotationDegrees },
            (a, v) => a with { MaxRotationDegrees = v }, OptionSet<AugmentationOptions>.NotNegative);
        augmentation.Add(new Option<double>("--scale") { Description = "Largest zoom either way (0.05 = 95-105%).", DefaultValueFactory = _ => augmentDefaults.MaxScale },
            (a, v) => a with { MaxScale = v }, OptionSet<AugmentationOptions>.Fraction);
        augmentation.Add(new Option<double>("--aspect") { Description = "Largest stretch of width against height, as a face detector's box varies: width x (1 + this) and height / (1 + this) or the reverse at most (0.1: width:height 1/1.21..1.21).", DefaultValueFactory = _ => augmentDefaults.MaxAspect },
            (a, v) => a with { MaxAspect = v }, OptionSet<AugmentationOptions>.NotNegative);
        augmentation.Add(new Option<double>("--brightness") { Description = "Brightness jitter as a fraction of 255.", DefaultValueFactory = _ => augmentDefaults.Brightness },
            (a, v) => a with { Brightness = v }, OptionSet<AugmentationOptions>.Fraction);
        augmentation.Add(new Option<double>("--contrast") { Description = "Contrast jitter: factor 1 ± this.", DefaultValueFactory = _ => augmentDefaults.Contrast },
            (a, v) => a with { Contrast = v }, OptionSet<AugmentationOptions>.Fraction);
        augmentation.Add(new Option<double>("--erasing") { Description = "Probability of random erasing.", DefaultValueFactory = _ => augmentDefaults.ErasingProbability },
            (a, v) => a with { ErasingProbability = v }, OptionSet<AugmentationOptions>.Fraction);

        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(BalanceCommand.Create());
        root.SetAction(parse =>
        {
            var options = training.Bind(parse, defaults) with
            {
                Augmentation = parse.GetValue(noAugment) ? AugmentationOptions.None : augmentation.Bind(parse, augmentDefaults),
            };
            var request = run.Bind(parse, new TrainingRunRequest { DataPath = "", OutputDirectory = "" }) with
            {
                Options = options,
                CommandLine = CommandLines.Reproduce("train"),
            };
            TorchSharp.torch.set_num_threads(parse.GetValue(threads));
            return Train(request);
        });
        return root;
    }

    private static int Train(TrainingRunRequest request)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
            Console.Error.WriteLine("\nInterrupted: stopping at the end of this batch (the checkpoint of the last completed epoch is kept).");
        };
        var observer = new ConsoleObserver();
        var result = TrainingRun.Execute(request, observer, cancellation.Token);
        var state = result.State;
        if (state.EpochsCompleted > 0)
        {
            observer.Message($"Best PublicTest accuracy {state.BestValAccuracy:P2} at epoch {state.BestEpoch} of {state.EpochsCompleted}; " +
                             $"wrote {TrainingRun.ModelFile}, {TrainingRun.SummaryFile}, {TrainingRun.CurvesFile} and {TrainingRun.HistoryFile} to {request.OutputDirectory}.");
        }
        if (result.Outcome == TrainingOutcome.Interrupted)
        {
            observer.Message($"Resume with the same command and --resume.");
            return 130;
        }
        return 0;
    }

    private static string ArchitectureList() => string.Join('\n', Architectures.All.Select(a =>
        $"  {a.Name,-8} {a.Parameters.ToString("N0", CultureInfo.InvariantCulture),10} parameters  {a.Description}"));
}
