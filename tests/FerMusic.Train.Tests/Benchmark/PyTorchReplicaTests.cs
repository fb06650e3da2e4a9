using System.Diagnostics;
using System.Globalization;
using FerMusic.Core;
using FerMusic.Tests;
using FerMusic.Train.Models;

namespace FerMusic.Train.Tests.Benchmark;

/// <summary>scripts/bench-pytorch.py times the same network as the trainer: same layers, same parameter count.</summary>
public sealed class PyTorchReplicaTests
{
    [Fact]
    public void The_PyTorch_replica_of_vgg_has_exactly_the_trainers_parameters()
    {
        var script = Path.Combine(SharedData.RepositoryRoot(), "scripts", "bench-pytorch.py");
        var start = new ProcessStartInfo("/usr/bin/python3", [script, "--threads", "1", "--iterations", "1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (!File.Exists(start.FileName))
        {
            Assert.Skip("python3 is not installed; the PyTorch comparison is optional.");
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (output.Length == 0 && error.Contains("PyTorch is not installed"))
        {
            Assert.Skip("python3-torch is not installed; the PyTorch comparison is optional.");
        }

        Assert.Equal(0, process.ExitCode);
        using var model = Architectures.Get("vgg").Create(EmotionLabels.Count);
        Assert.Contains($"vgg {model.ParameterCount.ToString("N0", CultureInfo.InvariantCulture)} parameters", output);
    }
}
