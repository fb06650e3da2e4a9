using FerMusic.Core.Numerics;
using System.CommandLine;
using System.Diagnostics;
using FerMusic.Core.Cli;
using FerMusic.Runtime.Capture;
using OpenCvSharp;

namespace FerMusic.Runtime.Cli;

/// <summary><c>bench</c>: every frame of a video file through the pipeline, with per-stage latency.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var common = new RuntimeOptions();
        var source = new Option<string>("--source") { Description = "Video file to process frame by frame.", Required = true };
        var command = new Command("bench", "Process every frame of a video file and print per-stage latency p50/p95 (decode, detect, classify, total) and frames per second.");
        command.Options.Add(source);
        common.AddTo(command);
        command.SetAction(parse =>
        {
            using var factory = common.Factory(parse);
            using var pipeline = factory.Create(common.Pipeline(parse));
            using var video = VideoSource.Open(parse.GetRequiredValue(source));
            if (video.IsLive)
            {
                throw new UserErrorException("bench needs a video file, not a camera or stream.");
            }
            using var frame = new Mat();
            List<double> decode = [], detect = [], classify = [], total = [];
            var withFaces = 0;
            var size = "";
            var fps = video.FramesPerSecond;
            var clock = Stopwatch.StartNew();
            for (var index = 0; ; index++)
            {
                var start = Stopwatch.GetTimestamp();
                if (!video.Read(frame))
                {
                    break;
                }
                var decoded = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                size = $"{frame.Width}x{frame.Height}";
                var report = pipeline.Process(frame, index / fps);
                decode.Add(decoded);
                detect.Add(report.Times.Detect);
                classify.Add(report.Times.Classify);
                total.Add(decoded + report.Times.Total);
                withFaces += report.Faces.Count > 0 ? 1 : 0;
            }
            var seconds = clock.Elapsed.TotalSeconds;
            if (total.Count == 0)
            {
                throw new InvalidDataException($"{parse.GetRequiredValue(source)} has no frames.");
            }
            Console.WriteLine($"{total.Count} frames ({size}), a face in {withFaces} ({(double)withFaces / total.Count:P0}); " +
                              $"ONNX Runtime threads {factory.Model.IntraOpThreads}");
            Console.WriteLine($"{"stage",-10} {"p50 ms",8} {"p95 ms",8}");
            foreach (var (name, values) in new[] { ("decode", decode), ("detect", detect), ("classify", classify), ("total", total) })
            {
                values.Sort();
                Console.WriteLine($"{name,-10} {Quantiles.OfSorted(values, 0.5),8:0.00} {Quantiles.OfSorted(values, 0.95),8:0.00}");
            }
            Console.WriteLine($"throughput {total.Count / seconds:0.0} frames/s");
            return 0;
        });
        return command;
    }
}
