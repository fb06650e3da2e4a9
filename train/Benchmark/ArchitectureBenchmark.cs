using System.Diagnostics;
using FerMusic.Core;
using FerMusic.Core.Model;
using FerMusic.Train.Models;
using static TorchSharp.torch;

namespace FerMusic.Train.Benchmark;

/// <param name="TrainImagesPerSecond">Forward + backward + AdamW step at the training batch size.</param>
/// <param name="InferenceMilliseconds">Median forward time of one image, inference mode.</param>
public sealed record BenchmarkResult(string Architecture, long Parameters, long MultiplyAdds, int BatchSize, double TrainImagesPerSecond, double InferenceMilliseconds);

/// <summary>Speed of an architecture in TorchSharp on this CPU, on random input, after warm-up.</summary>
public static class ArchitectureBenchmark
{
    public static BenchmarkResult Run(Architecture architecture, int batchSize = 64, int trainIterations = 20, int inferenceIterations = 200,
        ComputeOptions? compute = null)
    {
        manual_seed(0);
        using var model = architecture.Create(EmotionLabels.Count);
        model.Compute = compute ?? ComputeOptions.Float32;
        using var optimizer = optim.AdamW(model.parameters());
        using var images = rand(batchSize, 1, ModelContract.ImageSize, ModelContract.ImageSize).mul_(255);
        using var labels = randint(0, EmotionLabels.Count, [batchSize]);

        model.train();
        void TrainStep()
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.forward(images), labels).backward();
            optimizer.step();
        }
        for (var i = 0; i < 3; i++)
        {
            TrainStep();
        }
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < trainIterations; i++)
        {
            TrainStep();
        }
        var trainRate = trainIterations * batchSize / clock.Elapsed.TotalSeconds;

        model.eval();
        using var noGrad = no_grad();
        using var one = images.narrow(0, 0, 1);
        var times = new double[inferenceIterations];
        for (var i = -10; i < inferenceIterations; i++)
        {
            using var scope = NewDisposeScope();
            var start = Stopwatch.GetTimestamp();
            model.forward(one);
            if (i >= 0)
            {
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }
        Array.Sort(times);
        return new BenchmarkResult(architecture.Name, model.ParameterCount, model.MultiplyAdds(), batchSize, trainRate, times[times.Length / 2]);
    }
}
