using System.CommandLine;
using FerMusic.Core.Cli;
using FerMusic.Train.Benchmark;
using FerMusic.Train.Models;

namespace FerMusic.Train.Cli;

/// <summary><c>bench</c>: training and inference speed of the architectures on this machine.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var arch = new Option<string>("--arch") { Description = "Architecture to measure, or 'all'.", DefaultValueFactory = _ => "all" };
        arch.AcceptOnlyFromAmong(["all", .. Architectures.Names]);
        var batchSize = new Option<int>("--batch-size") { Description = "Training batch size.", DefaultValueFactory = _ => 64 };
        var channelsLast = new Option<bool>("--channels-last") { Description = "Channels-last activations." };
        var bf16 = new Option<bool>("--bf16") { Description = "bfloat16 convolutions." };
        var bf16All = new Option<bool>("--bf16-activations") { Description = "bfloat16 activations through the convolutional stages." };
        var threads = new Option<int>("--threads") { Description = "CPU threads for libtorch.", DefaultValueFactory = _ => Environment.ProcessorCount };

        var command = new Command("bench",
            "Measure forward+backward training throughput (img/s at the batch size) and single-image inference latency (median ms) " +
            "of each architecture in TorchSharp on this CPU, on random input after warm-up.");
        command.Options.Add(arch);
        command.Options.Add(batchSize);
        command.Options.Add(threads);
        command.Options.Add(channelsLast);
        command.Options.Add(bf16);
        command.Options.Add(bf16All);
        command.SetAction(parse => CommandErrors.Run(() =>
        {
            TorchSharp.torch.set_num_threads(parse.GetValue(threads));
            var name = parse.GetRequiredValue(arch);
            var chosen = name == "all" ? Architectures.All : [Architectures.Get(name)];
            Console.WriteLine($"threads {TorchSharp.torch.get_num_threads()}, batch {parse.GetValue(batchSize)}");
            Console.WriteLine($"{"arch",-8} {"parameters",12} {"MMAC/image",11} {"train img/s",12} {"infer ms (batch 1)",20}");
            foreach (var architecture in chosen)
            {
                var r = ArchitectureBenchmark.Run(architecture, parse.GetValue(batchSize), compute: new(parse.GetValue(channelsLast), parse.GetValue(bf16) || parse.GetValue(bf16All), parse.GetValue(bf16All)));
                Console.WriteLine($"{r.Architecture,-8} {r.Parameters,12:N0} {r.MultiplyAdds / 1e6,11:0.0} {r.TrainImagesPerSecond,12:0} {r.InferenceMilliseconds,20:0.00}");
            }
            return 0;
        }));
        return command;
    }
}
