using System.CommandLine;
using FerMusic.Core.Fer2013;
using FerMusic.Train.Benchmark;
using FerMusic.Train.Models;
using FerMusic.Train.Training;

namespace FerMusic.Train.Cli;

/// <summary><c>bench</c>: training and inference speed of the architectures on this machine, and of the real training loop.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var arch = new Option<string>("--arch") { Description = "Architecture to measure, or 'all'.", DefaultValueFactory = _ => "all" };
        arch.AcceptOnlyFromAmong(["all", .. Architectures.Names]);
        var batchSize = new Option<int>("--batch-size") { Description = "Training batch size.", DefaultValueFactory = _ => 64 };
        var threads = new Option<int>("--threads") { Description = "CPU threads for libtorch.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var channelsLast = new Option<bool>("--channels-last") { Description = "Channels-last activations." };
        var bf16 = new Option<bool>("--bf16") { Description = "bfloat16 convolutional stages (as the trainer's --bf16)." };
        var data = new Option<string?>("--data") { Description = "FER2013 (.csv or .csv.gz): also time the real training loop on it, stage by stage, with a layer profile." };
        var batches = new Option<int>("--batches") { Description = "Batches of the real loop to time.", DefaultValueFactory = _ => 100 };
        var mixup = new Option<double>("--mixup") { Description = "The loop's mixup alpha (as the trainer's).", DefaultValueFactory = _ => 0.2 };
        var ema = new Option<double>("--ema") { Description = "The loop's weight-average decay (as the trainer's).", DefaultValueFactory = _ => 0.999 };

        var command = new Command("bench",
            "Measure forward+backward training throughput (img/s at the batch size) and single-image inference latency (median ms) " +
            "of each architecture in TorchSharp on this CPU, on random input after warm-up. With --data, also run the trainer's own " +
            "loop on FER2013 (batch assembly, augmentation, mixup, forward, loss, backward, AdamW, weight average) and print where its " +
            "time goes, a validation pass, a checkpoint, and forward/backward time by kind of layer.");
        foreach (var option in new Option[] { arch, batchSize, threads, channelsLast, bf16, data, batches, mixup, ema })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            TorchSharp.torch.set_num_threads(parse.GetValue(threads));
            var name = parse.GetRequiredValue(arch);
            var chosen = name == "all" ? Architectures.All : [Architectures.Get(name)];
            var compute = new ComputeOptions(parse.GetValue(channelsLast), parse.GetValue(bf16));
            Console.WriteLine($"threads {TorchSharp.torch.get_num_threads()}, batch {parse.GetValue(batchSize)}, channels-last {compute.ChannelsLast}, bf16 {compute.BFloat16}");
            Console.WriteLine($"{"arch",-8} {"parameters",12} {"MMAC/image",11} {"train img/s",12} {"infer ms (batch 1)",20}");
            var modelOnly = new Dictionary<string, double>();
            foreach (var architecture in chosen)
            {
                var r = ArchitectureBenchmark.Run(architecture, parse.GetValue(batchSize), compute: compute);
                modelOnly[r.Architecture] = r.TrainImagesPerSecond;
                Console.WriteLine($"{r.Architecture,-8} {r.Parameters,12:N0} {r.MultiplyAdds / 1e6,11:0.0} {r.TrainImagesPerSecond,12:0} {r.InferenceMilliseconds,20:0.00}");
            }
            if (parse.GetValue(data) is not { } path)
            {
                return 0;
            }
            var dataset = Fer2013Reader.Read(path).Dataset;
            var count = Math.Max(1, parse.GetValue(batches));
            var train = dataset.Select(Fer2013Split.Training, (count + 3) * parse.GetValue(batchSize));
            var validation = dataset.Select(Fer2013Split.PublicTest);
            foreach (var architecture in chosen)
            {
                var options = new TrainingOptions
                {
                    Architecture = architecture.Name,
                    BatchSize = parse.GetValue(batchSize),
                    Compute = compute,
                    MixupAlpha = parse.GetValue(mixup),
                    WeightAveraging = parse.GetValue(ema),
                };
                Print(LoopBenchmark.Run(options, train, validation, count), modelOnly[architecture.Name], architecture.Name);
            }
            return 0;
        });
        return command;
    }

    private static void Print(LoopBenchmarkResult r, double modelOnly, string architecture)
    {
        Console.WriteLine();
        Console.WriteLine($"{architecture}: the training loop on FER2013, {r.Batches} batches of {r.BatchSize}: {r.ImagesPerSecond:0} img/s " +
                          $"({r.ImagesPerSecond / modelOnly:P0} of the forward+backward+AdamW rate on random input)");
        var total = r.Stages.Sum(s => s.MillisecondsPerBatch);
        Console.WriteLine($"  {"stage",-26} {"ms/batch",9} {"share",7}");
        foreach (var (stage, ms) in r.Stages)
        {
            Console.WriteLine($"  {stage,-26} {ms,9:0.00} {ms / total,7:P1}");
        }
        var epochSeconds = 28709.0 / r.ImagesPerSecond;
        Console.WriteLine($"  per epoch of 28,709 images: training {epochSeconds:0} s, validation on {r.ValidationImages} images {r.ValidationSeconds:0.0} s, checkpoint {r.CheckpointSeconds:0.00} s");
        Console.WriteLine($"  {"layer kind (alone, per batch)",-30} {"count",5} {"forward ms",11} {"backward ms",12}");
        foreach (var layer in r.Layers.OrderByDescending(l => l.ForwardMilliseconds + l.BackwardMilliseconds))
        {
            Console.WriteLine($"  {layer.Kind,-30} {layer.Layers,5} {layer.ForwardMilliseconds,11:0.00} {layer.BackwardMilliseconds,12:0.00}");
        }
    }
}
