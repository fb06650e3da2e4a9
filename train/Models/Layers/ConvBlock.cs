using FerMusic.Train.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerMusic.Train.Models.Layers;

/// <summary>Convolution, optional batch normalisation, optional ReLU.</summary>
public sealed class ConvBlock : nn.Module<Tensor, Tensor>, IOnnxExportable, ICountsMultiplyAdds
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d? norm;
    private readonly bool _relu;

    /// <summary>Run the convolution in bfloat16 (see <see cref="ComputeOptions.BFloat16"/>).</summary>
    public bool BFloat16 { get; set; }

    public ConvBlock(long inChannels, long outChannels, long kernel = 3, long stride = 1, long? padding = null,
        bool batchNorm = true, bool relu = true) : base(nameof(ConvBlock))
    {
        var pad = padding ?? kernel / 2;
        conv = nn.Conv2d(inChannels, outChannels, kernel, stride: stride, padding: pad, bias: !batchNorm);
        norm = batchNorm ? nn.BatchNorm2d(outChannels) : null;
        _relu = relu;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        Tensor x;
        if (BFloat16)
        {
            x = nn.functional.conv2d(input.to(ScalarType.BFloat16), conv.weight!.to(ScalarType.BFloat16), conv.bias?.to(ScalarType.BFloat16),
                conv.stride, conv.padding);
            if (input.dtype != ScalarType.BFloat16)
            {
                x = x.to(ScalarType.Float32);
            }
        }
        else
        {
            x = conv.forward(input);
        }
        if (norm is not null)
        {
            x = norm.forward(x);
        }
        return _relu ? nn.functional.relu(x) : x;
    }

    /// <summary>Per output value: one multiply-add per input channel and kernel position.</summary>
    public long MultiplyAdds(long[] input, long[] output)
    {
        var kernel = conv.kernel_size!;
        return output[1] * output[2] * output[3] * input[1] * kernel[0] * kernel[1];
    }

    public string Export(OnnxGraphBuilder graph, string input)
    {
        List<string> inputs = [input, graph.Initializer("conv_w", conv.weight!)];
        if (conv.bias is not null)
        {
            inputs.Add(graph.Initializer("conv_b", conv.bias));
        }
        var pad = conv.padding!;
        var x = graph.Node("Conv", inputs,
            OnnxGraphBuilder.Ints("kernel_shape", conv.kernel_size),
            OnnxGraphBuilder.Ints("strides", conv.stride),
            OnnxGraphBuilder.Ints("pads", pad[0], pad[1], pad[0], pad[1]));
        if (norm is not null)
        {
            x = graph.Node("BatchNormalization",
                [x, graph.Initializer("bn_scale", norm.weight!), graph.Initializer("bn_bias", norm.bias!),
                 graph.Initializer("bn_mean", norm.running_mean!), graph.Initializer("bn_var", norm.running_var!)],
                OnnxGraphBuilder.Float("epsilon", (float)norm.eps));
        }
        return _relu ? graph.Node("Relu", [x]) : x;
    }
}
