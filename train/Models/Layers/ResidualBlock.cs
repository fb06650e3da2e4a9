using FerMusic.Train.Export;
using static TorchSharp.torch;

namespace FerMusic.Train.Models.Layers;

/// <summary>A ResNet basic block: two 3x3 conv-BN, a projection shortcut when the shape changes, add, ReLU.</summary>
public sealed class ResidualBlock : nn.Module<Tensor, Tensor>, IOnnxExportable, ICountsMultiplyAdds
{
    private readonly ConvBlock first;
    private readonly ConvBlock second;
    private readonly ConvBlock? shortcut;

    public ResidualBlock(long inChannels, long outChannels, long stride) : base(nameof(ResidualBlock))
    {
        first = new ConvBlock(inChannels, outChannels, stride: stride);
        second = new ConvBlock(outChannels, outChannels, relu: false);
        shortcut = stride != 1 || inChannels != outChannels
            ? new ConvBlock(inChannels, outChannels, kernel: 1, stride: stride, relu: false)
            : null;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var residual = second.forward(first.forward(input));
        var identity = shortcut is null ? input : shortcut.forward(input);
        return nn.functional.relu(residual.add_(identity));
    }

    public long MultiplyAdds(long[] input, long[] output) =>
        first.MultiplyAdds(input, output) + second.MultiplyAdds(output, output) + (shortcut?.MultiplyAdds(input, output) ?? 0);

    public string Export(OnnxGraphBuilder graph, string input)
    {
        var residual = second.Export(graph, first.Export(graph, input));
        var identity = shortcut is null ? input : shortcut.Export(graph, input);
        return graph.Node("Relu", [graph.Node("Add", [residual, identity])]);
    }
}
