using FerMusic.Core;
using FerMusic.Core.Model;
using FerMusic.Eval.Benchmark;
using FerMusic.Tests;

namespace FerMusic.Eval.Tests.Benchmark;

public sealed class LatencyBenchmarkTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Reports_ordered_percentiles_and_a_throughput()
    {
        using var model = EmotionModel.Load(TinyModels.Save(TinyModels.AlwaysPredicts(Emotion.Fear), _temp.File("m.onnx")), threads: 1);

        var result = LatencyBenchmark.Run(model, iterations: 50, batchSize: 8, batches: 3);

        Assert.Equal(1, result.Threads);
        Assert.True(result.P50Milliseconds > 0);
        Assert.True(result.P95Milliseconds >= result.P50Milliseconds);
        Assert.True(result.FacesPerSecond > 0);
    }
}
