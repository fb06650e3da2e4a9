using FerMusic.Core.Model;
using FerMusic.Train.Export;
using static TorchSharp.torch;

namespace FerMusic.Train.Models;

/// <summary>
/// A feed-forward emotion classifier: named layers applied in order, from raw 48x48 grey pixels to one logit
/// per emotion. Every layer can export itself, so the whole network can be written as ONNX.
/// </summary>
public sealed class EmotionNet : nn.Module<Tensor, Tensor>
{
    private readonly List<(string Name, nn.Module<Tensor, Tensor> Layer)> _layers = [];

    public EmotionNet(string architecture, IEnumerable<(string Name, nn.Module<Tensor, Tensor> Layer)> layers)
        : base(architecture)
    {
        Architecture = architecture;
        foreach (var (name, layer) in layers)
        {
            if (layer is not IOnnxExportable)
            {
                throw new ArgumentException($"Layer '{name}' ({layer.GetType().Name}) cannot be exported to ONNX.");
            }
            register_module(name, layer);
            _layers.Add((name, layer));
        }
    }

    public string Architecture { get; }

    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>How the network computes (layout and convolution precision); float32 and the default layout unless set.</summary>
    public ComputeOptions Compute
    {
        get;
        set
        {
            field = value;
            foreach (var block in modules().OfType<Layers.ConvBlock>())
            {
                block.BFloat16 = value.BFloat16;
            }
        }
    } = ComputeOptions.Float32;

    public override Tensor forward(Tensor input)
    {
        var x = Compute.ChannelsLast ? ComputeOptions.ToChannelsLast(input) : input;
        foreach (var (name, layer) in _layers)
        {
            if (Compute.BFloat16 && layer is Layers.GlobalAveragePool or Layers.Flatten)
            {
                x = x.to(ScalarType.Float32);
            }
            x = layer.forward(x);
            if (Compute.ChannelsLast && x.dim() == 4 && x.shape[1] > 1)
            {
                x = ComputeOptions.ToChannelsLast(x);
            }
            if (Compute.BFloat16 && layer is Layers.InputNormalization)
            {
                x = x.to(ScalarType.BFloat16);
            }
        }
        return x;
    }

    /// <summary>The layers in order, with their names.</summary>
    public IReadOnlyList<(string Name, nn.Module<Tensor, Tensor> Layer)> NamedLayers => _layers;

    /// <summary>The last layer, which computes the logits.</summary>
    public Layers.Dense Classifier => _layers[^1].Layer as Layers.Dense
        ?? throw new InvalidOperationException($"The last layer of '{Architecture}' is not a dense classifier.");

    /// <summary>Multiply-adds of one forward pass of one 48x48 image (convolutions and fully connected layers).</summary>
    public long MultiplyAdds()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var wasTraining = training;
        eval();
        var x = zeros(1, 1, ModelContract.ImageSize, ModelContract.ImageSize);
        long total = 0;
        foreach (var (_, layer) in _layers)
        {
            var y = layer.forward(x);
            if (layer is Layers.ICountsMultiplyAdds counted)
            {
                total += counted.MultiplyAdds(x.shape, y.shape);
            }
            x = y;
        }
        train(wasTraining);
        return total;
    }

    /// <summary>Writes the inference graph (dropout removed) and returns the name of the logits value.</summary>
    public string Export(OnnxGraphBuilder graph, string input)
    {
        var x = input;
        foreach (var (_, layer) in _layers)
        {
            x = ((IOnnxExportable)layer).Export(graph, x);
        }
        return x;
    }
}
