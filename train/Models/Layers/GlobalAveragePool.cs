using FerMusic.Train.Export;
using static TorchSharp.torch;

namespace FerMusic.Train.Models.Layers;

/// <summary>Averages each channel over the image: [N,C,H,W] to [N,C].</summary>
public sealed class GlobalAveragePool() : nn.Module<Tensor, Tensor>(nameof(GlobalAveragePool)), IOnnxExportable
{
    public override Tensor forward(Tensor input) => input.mean([2, 3]);

    public string Export(OnnxGraphBuilder graph, string input)
    {
        var pooled = graph.Node("GlobalAveragePool", [input]);
        return graph.Node("Flatten", [pooled], OnnxGraphBuilder.Int("axis", 1));
    }
}
