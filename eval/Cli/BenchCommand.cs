using System.CommandLine;
using FerMusic.Core.Model;
using FerMusic.Eval.Benchmark;

namespace FerMusic.Eval.Cli;

/// <summary><c>bench</c>: ONNX Runtime latency and throughput of a model on this CPU.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "The ONNX model.", Required = true };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var command = new Command("bench", "ONNX Runtime CPU latency (p50/p95 at batch 1) and throughput (faces/s at batch 64); one session, warm-up excluded.");
        command.Options.Add(model);
        command.Options.Add(threads);
        command.SetAction(parse =>
        {
            using var loaded = EmotionModel.Load(parse.GetRequiredValue(model), parse.GetValue(threads));
            var r = LatencyBenchmark.Run(loaded);
            Console.WriteLine($"threads {r.Threads}: batch 1 p50 {r.P50Milliseconds:0.000} ms, p95 {r.P95Milliseconds:0.000} ms; " +
                              $"batch {r.BatchSize} {r.FacesPerSecond:0} faces/s");
            return 0;
        });
        return command;
    }
}
