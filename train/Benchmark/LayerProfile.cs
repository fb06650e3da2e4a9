using System.Diagnostics;
using FerMusic.Core.Model;
using FerMusic.Train.Models;
using static TorchSharp.torch;

namespace FerMusic.Train.Benchmark;

/// <summary>Forward and backward time of one kind of layer, summed over the network's layers of that kind, per batch.</summary>
public sealed record LayerTime(string Kind, int Layers, double ForwardMilliseconds, double BackwardMilliseconds);

/// <summary>
/// Where a training step's forward and backward time goes: each layer is run alone, in training mode, on an input of
/// the shape and type it gets in the network, forward and then backward, and the times are summed by kind of layer.
/// </summary>
public static class LayerProfile
{
    public static IReadOnlyList<LayerTime> Measure(EmotionNet model, int batchSize, int iterations = 10)
    {
        model.train();
        var inputs = new List<(string Kind, nn.Module<Tensor, Tensor> Layer, long[] Shape, ScalarType Type)>();
        using (var noGrad = no_grad())
        using (var scope = NewDisposeScope())
        {
            var x = rand(batchSize, 1, ModelContract.ImageSize, ModelContract.ImageSize).mul_(255);
            if (model.Compute.ChannelsLast)
            {
                x = ComputeOptions.ToChannelsLast(x);
            }
            foreach (var (_, layer) in model.NamedLayers)
            {
                if (model.Compute.BFloat16 && layer is Models.Layers.GlobalAveragePool or Models.Layers.Flatten)
                {
                    x = x.to(ScalarType.Float32);
                }
                inputs.Add((Kind(layer), layer, x.shape, x.dtype));
                x = layer.forward(x);
                if (model.Compute.BFloat16 && layer is Models.Layers.InputNormalization)
                {
                    x = x.to(ScalarType.BFloat16);
                }
            }
        }
        var forward = new Dictionary<string, double>();
        var backward = new Dictionary<string, double>();
        var counts = new Dictionary<string, int>();
        foreach (var (kind, layer, shape, type) in inputs)
        {
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
            for (var i = -2; i < iterations; i++)
            {
                using var scope = NewDisposeScope();
                var input = randn(shape).to(type);
                if (shape.Length == 4 && model.Compute.ChannelsLast)
                {
                    input = ComputeOptions.ToChannelsLast(input);
                }
                input.requires_grad_(true);
                var start = Stopwatch.GetTimestamp();
                var output = layer.forward(input);
                var forwardEnd = Stopwatch.GetTimestamp();
                output.backward([ones_like(output)]);
                var backwardEnd = Stopwatch.GetTimestamp();
                if (i >= 0)
                {
                    forward[kind] = forward.GetValueOrDefault(kind) + Stopwatch.GetElapsedTime(start, forwardEnd).TotalMilliseconds / iterations;
                    backward[kind] = backward.GetValueOrDefault(kind) + Stopwatch.GetElapsedTime(forwardEnd, backwardEnd).TotalMilliseconds / iterations;
                }
            }
        }
        model.zero_grad();
        return [.. counts.Keys.Select(kind => new LayerTime(kind, counts[kind], forward[kind], backward[kind]))];
    }

    private static string Kind(nn.Module<Tensor, Tensor> layer) => layer switch
    {
        Models.Layers.ConvBlock => "conv + batch norm + ReLU",
        Models.Layers.ResidualBlock => "residual block",
        Models.Layers.MaxPool => "max-pool",
        Models.Layers.GlobalAveragePool => "global average pool",
        Models.Layers.Dense => "dense",
        Models.Layers.DropoutLayer => "dropout",
        Models.Layers.InputNormalization => "input normalisation",
        _ => layer.GetType().Name,
    };
}
