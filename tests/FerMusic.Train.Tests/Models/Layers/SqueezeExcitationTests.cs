using FerMusic.Train.Models;
using FerMusic.Train.Models.Layers;
using static TorchSharp.torch;

namespace FerMusic.Train.Tests.Models.Layers;

public sealed class SqueezeExcitationTests
{
    /// <summary>A layer whose weights are zero and whose last bias is <paramref name="bias"/>: channel c is scaled by sigmoid(bias[c]).</summary>
    private static SqueezeExcitation Layer(float[] bias)
    {
        var layer = new SqueezeExcitation(bias.Length, reduction: 2);
        using var noGrad = no_grad();
        foreach (var parameter in layer.parameters())
        {
            parameter.zero_();
        }
        var last = layer.named_parameters().Single(p => p.name == "expand.bias").parameter;
        using var values = tensor(bias);
        last.copy_(values);
        return layer;
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Each_channel_is_scaled_by_its_own_weight_in_every_layout_and_precision(bool channelsLast, bool bfloat16)
    {
        float[] bias = [-2f, 0f, 1f, 3f];
        using var layer = Layer(bias);
        using var scope = NewDisposeScope();
        var input = rand(2, 4, 5, 5).mul_(10);
        var x = bfloat16 ? input.to(ScalarType.BFloat16) : input;
        x = channelsLast ? ComputeOptions.ToChannelsLast(x) : x;

        var output = layer.forward(x);

        Assert.Equal(x.dtype, output.dtype);
        Assert.Equal(input.shape, output.shape);
        var got = output.to(ScalarType.Float32).contiguous();
        for (var c = 0; c < bias.Length; c++)
        {
            var expected = x.to(ScalarType.Float32)[.., c].mul(1 / (1 + Math.Exp(-bias[c])));
            var error = got[.., c].sub(expected).abs().max().item<float>();
            Assert.InRange(error, 0, bfloat16 ? 0.1 : 1e-5);
        }
    }

    [Fact]
    public void The_scale_follows_the_image_so_different_faces_get_different_weights()
    {
        manual_seed(3);
        using var layer = new SqueezeExcitation(8, reduction: 2);
        using var scope = NewDisposeScope();
        var dim = full(1, 8, 4, 4, 1f);
        var bright = full(1, 8, 4, 4, 50f);

        // A channel's weight depends on the whole map: the weights for a dim and a bright map differ.
        var scaledDim = layer.forward(dim)[0, .., 0, 0];
        var scaledBright = layer.forward(bright)[0, .., 0, 0].div(50);

        Assert.True(scaledDim.sub(scaledBright).abs().max().item<float>() > 1e-3);
    }
}
