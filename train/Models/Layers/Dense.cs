using FerMusic.Train.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerMusic.Train.Models.Layers;

/// <summary>A fully connected layer, optionally followed by ReLU.</summary>
public sealed class Dense : nn.Module<Tensor, Tensor>, IOnnxExportable, ICountsMultiplyAdds
{
    private readonly Linear linear;
    private readonly bool _relu;

    public Dense(long inFeatures, long outFeatures, bool relu) : base(nameof(Dense))
    {
        linear = nn.Linear(inFeatures, outFeatures);
        _relu = relu;
        RegisterComponents();
    }

    /// <summary>Adds <paramref name="offsets"/> to the layer's bias (one per output).</summary>
    public void ShiftBias(ReadOnlySpan<float> offsets)
    {
        using var noGrad = no_grad();
        using var shift = tensor(offsets.ToArray());
        linear.bias!.add_(shift);
    }

    public override Tensor forward(Tensor input)
    {
        var x = linear.forward(input);
        return _relu ? nn.functional.relu(x) : x;
    }

    public long MultiplyAdds(long[] input, long[] output) => input[1] * output[1];

    public string Export(OnnxGraphBuilder graph, string input)
    {
        var x = graph.Node("Gemm",
            [input, graph.Initializer("fc_w", linear.weight!), graph.Initializer("fc_b", linear.bias!)],
            OnnxGraphBuilder.Int("transB", 1));
        return _relu ? graph.Node("Relu", [x]) : x;
    }
}
