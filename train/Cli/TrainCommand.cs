using System.CommandLine;
using FerMusic.Core.Cli;
using System.Globalization;
using FerMusic.Train.Augmentation;
using FerMusic.Train.Models;
using FerMusic.Train.Reporting;
using FerMusic.Train.Training;

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

        var data = new Option<string>("--data") { Description = "FER2013 in Kaggle layout: fer2013.csv or fer2013.csv.gz (gzip is detected from the content).", Required = true };
        var output = new Option<string>("--out") { Description = "Output directory for model.onnx, model.json, curves.png, history.csv and checkpoint/.", Required = true };
        var arch = new Option<string>("--arch") { Description = "Architecture (see the list above).", DefaultValueFactory = _ => defaults.Architecture };
        arch.AcceptOnlyFromAmong([.. Architectures.Names]);
        var epochs = new Option<int>("--epochs") { Description = "Epochs to train (the total, also when resuming).", DefaultValueFactory = _ => defaults.Epochs };
        var batchSize = new Option<int>("--batch-size") { Description = "Images per training batch.", DefaultValueFactory = _ => defaults.BatchSize };
        var optimizer = new Option<OptimizerKind>("--optimizer") { Description = "AdamW (decoupled weight decay) or Sgd (Nesterov momentum, L2 weight decay; wants a higher --lr, e.g. 0.01).", DefaultValueFactory = _ => defaults.Optimizer };
        var lr = new Option<double>("--lr") { Description = "Peak learning rate.", DefaultValueFactory = _ => defaults.LearningRate };
        var weightDecay = new Option<double>("--weight-decay") { Description = "Weight decay: decoupled for AdamW, an L2 term in the gradient for Sgd.", DefaultValueFactory = _ => defaults.WeightDecay };
        var momentum = new Option<double>("--momentum") { Description = "Nesterov momentum of Sgd.", DefaultValueFactory = _ => defaults.Momentum };
        var schedule = new Option<ScheduleKind>("--schedule") { Description = "Learning-rate schedule: Cosine (after a linear warm-up), OneCycle (up from lr/25 over the first quarter, then down to lr/10,000; few epochs), Step (x decay every --step-every epochs) or Plateau (x decay when validation stalls).", DefaultValueFactory = _ => defaults.Schedule };
        var warmup = new Option<double>("--warmup") { Description = "Warm-up epochs of the cosine schedule.", DefaultValueFactory = _ => defaults.WarmupEpochs };
        var stepEvery = new Option<int>("--step-every") { Description = "Epochs between decays of the step schedule.", DefaultValueFactory = _ => defaults.StepEvery };
        var decay = new Option<double>("--decay") { Description = "Factor of the step and plateau schedules.", DefaultValueFactory = _ => defaults.DecayFactor };
        var smoothing = new Option<double>("--label-smoothing") { Description = "Label smoothing of the cross-entropy (0 = off).", DefaultValueFactory = _ => defaults.LabelSmoothing };
        var averaging = new Option<double>("--ema") { Description = "Validate and export an exponential moving average of the weights with this decay (e.g. 0.999; 0 = off).", DefaultValueFactory = _ => defaults.WeightAveraging };
        var logitAdjust = new Option<double>("--logit-adjust") { Description = "Logit-adjusted loss for the rare classes (disgust, fear): tau, 0 = off, 1 = balanced (Menon et al., 2021).", DefaultValueFactory = _ => defaults.LogitAdjustment };
        var ferPlus = new Option<string?>("--ferplus") { Description = "FER+ votes (fer2013new.csv): each Training image's vote shares become soft targets, weighted by --teacher-weight." };
        var aspect = new Option<double>("--aspect") { Description = "Largest stretch of width against height, as a face detector's box varies: width x (1 + this) and height / (1 + this) or the reverse at most (0.1: width:height 1/1.21..1.21).", DefaultValueFactory = _ => augmentDefaults.MaxAspect };
        var bf16 = new Option<bool>("--bf16") { Description = "Compute in bfloat16 (convolutional stages; float32 weights, gradients, batch-norm statistics and classifier), about 1.5x faster on CPUs with AVX-512; the exported model is float32." };
        var channelsLast = new Option<bool>("--channels-last") { Description = "Channels-last activations (oneDNN's preferred layout)." };
        var classWeights = new Option<bool>("--class-weights") { Description = "Weight the loss by inverse class frequency (helps disgust, costs overall accuracy)." };
        var patience = new Option<int>("--patience") { Description = "Stop when PublicTest accuracy has not improved for this many epochs (0 = never).", DefaultValueFactory = _ => defaults.Patience };
        var seed = new Option<long>("--seed") { Description = "Seed of initialisation, shuffling, augmentation and dropout.", DefaultValueFactory = _ => defaults.Seed };
        var limit = new Option<int?>("--limit") { Description = "Train on the first N Training rows only (smoke runs)." };
        var timeBudget = new Option<double?>("--time-budget") { Description = "Minutes the whole run may take: the epochs are planned from the measured epoch time (and lowered if the machine turns out slower), so the run ends on time with its schedule finished and the model exported. Overrides --epochs; model.json records the epochs planned." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run whose checkpoint is in --out." };
        var threads = new Option<int>("--threads") { Description = "CPU threads for libtorch.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var skipBadRows = new Option<bool>("--skip-bad-rows") { Description = "Skip malformed CSV rows (and report how many) instead of stopping at the first." };
        var noAugment = new Option<bool>("--no-augment") { Description = "Switch all augmentation off." };
        var shift = new Option<int>("--shift") { Description = "Largest random shift in pixels (reflect-padded random crop).", DefaultValueFactory = _ => augmentDefaults.MaxShift };
        var flip = new Option<double>("--flip") { Description = "Probability of a horizontal flip.", DefaultValueFactory = _ => augmentDefaults.FlipProbability };
        var rotation = new Option<double>("--rotation") { Description = "Largest rotation in degrees, either way.", DefaultValueFactory = _ => augmentDefaults.MaxRotationDegrees };
        var scale = new Option<double>("--scale") { Description = "Largest zoom either way (0.05 = 95-105%).", DefaultValueFactory = _ => augmentDefaults.MaxScale };
        var brightness = new Option<double>("--brightness") { Description = "Brightness jitter as a fraction of 255.", DefaultValueFactory = _ => augmentDefaults.Brightness };
        var contrast = new Option<double>("--contrast") { Description = "Contrast jitter: factor 1 ± this.", DefaultValueFactory = _ => augmentDefaults.Contrast };
        var mixup = new Option<double>("--mixup") { Description = "Mixup: blend each image and its label with another of the batch, weight ~ Beta(alpha, alpha); e.g. 0.2 (0 = off).", DefaultValueFactory = _ => defaults.MixupAlpha };
        var teachers = new Option<string[]>("--teacher") { Description = "Distil a trained ONNX model (FerMusic contract, e.g. models/fer2013-vgg-mixup.onnx) into the network: its probabilities of each Training image and its mirror image, averaged over all --teacher models, blend into the targets. Repeat for several teachers.", AllowMultipleArgumentsPerToken = false };
        var teacherWeight = new Option<double>("--teacher-weight") { Description = "Weight of the soft targets (the teachers' probabilities or the FER+ vote shares) against the (smoothed) label, 0..1.", DefaultValueFactory = _ => defaults.TeacherWeight };
        var init = new Option<string?>("--init") { Description = "Start from the weights of a model this trainer exported (e.g. models/fer2013-vgg-mixup100.onnx) instead of a fresh network: fine-tuning. Its architecture must be --arch." };
        var batchNormImages = new Option<int>("--bn-recalibrate") { Description = "Before every validation, recompute the batch-norm statistics of the validated network from this many clean Training images (0 = keep those gathered on the augmented batches).", DefaultValueFactory = _ => defaults.BatchNormImages };
        var erasing = new Option<double>("--erasing") { Description = "Probability of random erasing.", DefaultValueFactory = _ => augmentDefaults.ErasingProbability };

        var root = new RootCommand(
            "Train an emotion CNN on FER2013 with TorchSharp on the CPU and export it to ONNX.\n" +
            "Trains on Training, picks the best epoch on PublicTest; PrivateTest is never read.\n\n" +
            "Architectures:\n" + ArchitectureList() + "\n\n" +
            "Example:\n  dotnet run --project train -c Release -- --data ../shared/data/fer2013/fer2013.csv.gz --out runs/vgg --epochs 30");
        foreach (var option in new Option[] { data, output, arch, epochs, batchSize, optimizer, lr, weightDecay, momentum, schedule, warmup, stepEvery, decay,
                     smoothing, averaging, logitAdjust, bf16, channelsLast, classWeights, ferPlus, patience, seed, limit, timeBudget, resume, threads, skipBadRows,
                     noAugment, shift, flip, rotation, scale, aspect, brightness, contrast, erasing, mixup, teachers, teacherWeight, init, batchNormImages })
        {
            root.Options.Add(option);
        }
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(BalanceCommand.Create());

        root.SetAction(parse =>
        {
            var augmentation = parse.GetValue(noAugment)
                ? AugmentationOptions.None
                : new AugmentationOptions
                {
                    MaxShift = parse.GetValue(shift),
                    FlipProbability = parse.GetValue(flip),
                    MaxRotationDegrees = parse.GetValue(rotation),
                    MaxScale = parse.GetValue(scale),
                    MaxAspect = NotNegative(parse.GetValue(aspect), "--aspect"),
                    Brightness = parse.GetValue(brightness),
                    Contrast = parse.GetValue(contrast),
                    ErasingProbability = parse.GetValue(erasing),
                };
            var request = new TrainingRunRequest
            {
                DataPath = parse.GetRequiredValue(data),
                OutputDirectory = parse.GetRequiredValue(output),
                Limit = parse.GetValue(limit),
                Resume = parse.GetValue(resume),
                TimeBudget = parse.GetValue(timeBudget) is { } minutes
                    ? (minutes > 0 ? TimeSpan.FromMinutes(minutes) : throw new UserErrorException("--time-budget must be a positive number of minutes."))
                    : null,
                SkipBadRows = parse.GetValue(skipBadRows),
                Threads = parse.GetValue(threads),
                CommandLine = CommandLines.Reproduce("train"),
                Options = new TrainingOptions
                {
                    Architecture = parse.GetRequiredValue(arch),
                    Epochs = Positive(parse.GetValue(epochs), "--epochs"),
                    BatchSize = Positive(parse.GetValue(batchSize), "--batch-size"),
                    Optimizer = parse.GetValue(optimizer),
                    LearningRate = parse.GetValue(lr),
                    WeightDecay = parse.GetValue(weightDecay),
                    Momentum = parse.GetValue(momentum),
                    Schedule = parse.GetValue(schedule),
                    WarmupEpochs = parse.GetValue(warmup),
                    StepEvery = parse.GetValue(stepEvery),
                    DecayFactor = parse.GetValue(decay),
                    LabelSmoothing = parse.GetValue(smoothing),
                    ClassWeighting = parse.GetValue(classWeights),
                    LogitAdjustment = NotNegative(parse.GetValue(logitAdjust), "--logit-adjust"),
                    FerPlusVotes = parse.GetValue(ferPlus),
                    WeightAveraging = parse.GetValue(averaging),
                    Patience = parse.GetValue(patience),
                    Seed = parse.GetValue(seed),
                    Augmentation = augmentation,
                    Compute = new Models.ComputeOptions(parse.GetValue(channelsLast), parse.GetValue(bf16)),
                    MixupAlpha = NotNegative(parse.GetValue(mixup), "--mixup"),
                    Teachers = parse.GetValue(teachers) ?? [],
                    TeacherWeight = Fraction(parse.GetValue(teacherWeight), "--teacher-weight"),
                    InitialWeights = parse.GetValue(init),
                    BatchNormImages = NotNegative(parse.GetValue(batchNormImages), "--bn-recalibrate"),
                },
            };
            TorchSharp.torch.set_num_threads(Positive(parse.GetValue(threads), "--threads"));
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

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new UserErrorException($"{option} must be a positive number, got {value}.");

    private static T NotNegative<T>(T value, string option) where T : System.Numerics.INumber<T> =>
        value >= T.Zero ? value : throw new UserErrorException($"{option} must be 0 or more, got {value}.");

    private static double Fraction(double value, string option) =>
        value is >= 0 and <= 1 ? value : throw new UserErrorException($"{option} must be between 0 and 1, got {value}.");

    private static string ArchitectureList()
    {
        var lines = Architectures.All.Select(a =>
        {
            using var model = a.Create(Core.EmotionLabels.Count);
            return $"  {a.Name,-8} {model.ParameterCount.ToString("N0", CultureInfo.InvariantCulture),10} parameters  {a.Description}";
        });
        return string.Join('\n', lines);
    }
}
