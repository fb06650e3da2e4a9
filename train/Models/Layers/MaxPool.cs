using FerMusic.Train.Export;
using static TorchSharp.torch;

namespace FerMusic.Train.Models.Layers;

/// <summary>2x2 max pooling, halving height and width.</summary>
public sealed class MaxPool() : nn.Module<Tensor, Tensor>(nameof(MaxPool)), IOnnxExportable
{
    public override Tensor forward(Tensor input) => nn.functional.max_pool2d(input, 2, 2);

    public string Export(OnnxGraphBuilder graph, string input) =>
        graph.Node("MaxPool", [input], OnnxGraphBuilder.Ints("kernel_shape", 2, 2), OnnxGraphBuilder.Ints("strides", 2, 2));
}
