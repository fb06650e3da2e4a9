using FerMusic.Core.Model;
using FerMusic.Train.Export;
using static TorchSharp.torch;

namespace FerMusic.Train.Models.Layers;

/// <summary>Maps raw grey values 0..255 to roughly zero mean and unit spread, inside the model.</summary>
public sealed class InputNormalization() : nn.Module<Tensor, Tensor>(nameof(InputNormalization)), IOnnxExportable
{
    public override Tensor forward(Tensor input) =>
        input.sub(ModelContract.PixelMean).div_(ModelContract.PixelStd);

    public string Export(OnnxGraphBuilder graph, string input)
    {
        var mean = graph.Initializer("pixel_mean", [ModelContract.PixelMean]);
        var std = graph.Initializer("pixel_std", [ModelContract.PixelStd]);
        var centred = graph.Node("Sub", [input, mean]);
        return graph.Node("Div", [centred, std]);
    }
}
