using FerMusic.Train.Export;
using static TorchSharp.torch;

namespace FerMusic.Train.Models.Layers;

/// <summary>[N,C,H,W] to [N,C*H*W], in the same (row-major) order in TorchSharp and ONNX.</summary>
public sealed class Flatten() : nn.Module<Tensor, Tensor>(nameof(Flatten)), IOnnxExportable
{
    public override Tensor forward(Tensor input) => input.flatten(1);

    public string Export(OnnxGraphBuilder graph, string input) =>
        graph.Node("Flatten", [input], OnnxGraphBuilder.Int("axis", 1));
}
