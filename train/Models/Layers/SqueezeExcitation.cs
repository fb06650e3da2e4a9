using FerMusic.Train.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerMusic.Train.Models.Layers;

/// <summary>
/// Squeeze-and-excitation: each channel's mean over the image passes through a small bottleneck (1x1 conv, ReLU,
/// 1x1 conv, sigmoid) and the result scales that channel, so a stage can weigh its features by what the whole face
/// shows. The bottleneck works in float32 on pooled values; the scaling keeps the activations' type and layout.
/// </summary>
public sealed class SqueezeExcitation : nn.Module<Tensor, Tensor>, IOnnxExportable, ICountsMultiplyAdds
{
    private readonly Conv2d reduce;
    private readonly Conv2d expand;

    /// <param name="reduction">Channels per bottleneck unit (the bottleneck has channels / reduction units, at least 4).</param>
    public SqueezeExcitation(long channels, long reduction) : base(nameof(SqueezeExcitation))
    {
        var hidden = Math.Max(4, channels / reduction);
        reduce = nn.Conv2d(channels, hidden, 1);
        expand = nn.Conv2d(hidden, channels, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var pooled = input.mean([2, 3], keepdim: true).to(ScalarType.Float32);
        var weights = nn.functional.sigmoid(expand.forward(nn.functional.relu(reduce.forward(pooled))));
        return input.mul(weights.to(input.dtype)).MoveToOuterDisposeScope();
    }

    /// <summary>The two bottleneck layers; the scaling is one multiply per value and not counted.</summary>
    public long MultiplyAdds(long[] input, long[] output) => 2 * input[1] * reduce.weight!.shape[0];

    public string Export(OnnxGraphBuilder graph, string input)
    {
        var pooled = graph.Node("GlobalAveragePool", [input]);
        var hidden = graph.Node("Relu", [Conv(graph, pooled, reduce)]);
        var weights = graph.Node("Sigmoid", [Conv(graph, hidden, expand)]);
        return graph.Node("Mul", [input, weights]);
    }

    private static string Conv(OnnxGraphBuilder graph, string input, Conv2d conv) =>
        graph.Node("Conv", [input, graph.Initializer("se_w", conv.weight!), graph.Initializer("se_b", conv.bias!)],
            OnnxGraphBuilder.Ints("kernel_shape", 1, 1));
}
