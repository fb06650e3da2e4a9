using FerMusic.Train.Export;
using static TorchSharp.torch;

namespace FerMusic.Train.Models.Layers;

/// <summary>Dropout while training; it disappears from the exported graph.</summary>
public sealed class DropoutLayer(double probability) : nn.Module<Tensor, Tensor>(nameof(DropoutLayer)), IOnnxExportable
{
    public override Tensor forward(Tensor input) => nn.functional.dropout(input, probability, training);

    public string Export(OnnxGraphBuilder graph, string input) => input;
}
