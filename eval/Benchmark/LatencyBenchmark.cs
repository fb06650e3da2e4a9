using FerMusic.Core.Numerics;
using System.Diagnostics;
using FerMusic.Core.Model;

namespace FerMusic.Eval.Benchmark;

public sealed record LatencyResult(int Threads, double P50Milliseconds, double P95Milliseconds, int BatchSize, double FacesPerSecond);

/// <summary>ONNX Runtime CPU latency at batch 1 and throughput at a larger batch; one session, warm-up excluded.</summary>
public static class LatencyBenchmark
{
    public static LatencyResult Run(EmotionModel model, int iterations = 500, int batchSize = 64, int batches = 30)
    {
        var random = new Random(1);
        var one = new byte[ModelContract.PixelsPerImage];
        random.NextBytes(one);
        var many = new byte[batchSize * ModelContract.PixelsPerImage];
        random.NextBytes(many);
        var probabilities = new float[batchSize * model.Labels.Count];

        for (var i = 0; i < 20; i++)
        {
            model.Predict(one, probabilities);
        }
        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            model.Predict(one, probabilities);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);

        model.Predict(many, probabilities);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < batches; i++)
        {
            model.Predict(many, probabilities);
        }
        var throughput = batches * batchSize / clock.Elapsed.TotalSeconds;
        return new LatencyResult(model.IntraOpThreads, Quantiles.OfSorted(times, 0.50), Quantiles.OfSorted(times, 0.95), batchSize, throughput);
    }

}
