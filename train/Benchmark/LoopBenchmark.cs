using System.Diagnostics;
using FerMusic.Core;
using FerMusic.Core.Fer2013;
using FerMusic.Train.Models;
using FerMusic.Train.Training;
using static TorchSharp.torch;

namespace FerMusic.Train.Benchmark;

/// <param name="ImagesPerSecond">Images through the real training loop per second (all stages of a batch).</param>
/// <param name="Stages">Time per batch in each stage of the loop.</param>
/// <param name="ValidationSeconds">One validation pass over the validation images.</param>
/// <param name="CheckpointSeconds">Writing one checkpoint.</param>
public sealed record LoopBenchmarkResult(
    int Batches,
    int BatchSize,
    double ImagesPerSecond,
    IReadOnlyList<(string Stage, double MillisecondsPerBatch)> Stages,
    int ValidationImages,
    double ValidationSeconds,
    double CheckpointSeconds,
    IReadOnlyList<LayerTime> Layers);

/// <summary>
/// The real training loop's speed on FER2013 with a set of training options, stage by stage: the trainer's own loop
/// for a number of batches, one validation pass, one checkpoint, and a per-layer profile of forward and backward.
/// </summary>
public static class LoopBenchmark
{
    public static LoopBenchmarkResult Run(TrainingOptions options, Fer2013Dataset train, Fer2013Dataset validation, int batches)
    {
        var trainer = new Trainer(options, SilentObserver.Instance);
        var times = trainer.MeasureLoop(train, batches);
        var images = (double)batches * options.BatchSize;

        manual_seed(options.Seed);
        using var model = Architectures.Get(options.Architecture).Create(EmotionLabels.Count);
        model.Compute = options.Compute;
        var clock = Stopwatch.StartNew();
        Validator.Evaluate(model, validation, options.ValidationBatchSize);
        var validationSeconds = clock.Elapsed.TotalSeconds;

        var folder = Path.Combine(Path.GetTempPath(), "fermusic-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var optimizer = Optimizers.Create(options, model.parameters());
            clock.Restart();
            new Checkpoint(folder).Save(new CheckpointState { Architecture = model.Architecture, Optimizer = options.Optimizer, BestValAccuracy = 0 }, model, optimizer, model, isBest: true);
            var checkpointSeconds = clock.Elapsed.TotalSeconds;
            var layers = LayerProfile.Measure(model, options.BatchSize);
            return new LoopBenchmarkResult(batches, options.BatchSize, images / times.Total.TotalSeconds,
                [.. times.Totals.Select(t => (t.Stage, t.Time.TotalMilliseconds / batches))],
                validation.Count, validationSeconds, checkpointSeconds, layers);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
