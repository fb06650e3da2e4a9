using FerMusic.Core.Cli;
using FerMusic.Train.Models;
using FerMusic.Train.Models.Layers;

namespace FerMusic.Train.Tests.Models;

public sealed class EmotionNetTests
{
    [Fact]
    public void Counts_the_multiply_adds_of_the_vgg_design()
    {
        using var model = Architectures.Get("vgg").Create(7);

        // 3x3 convs: 48²·32·1, 24²·64·32, 24²·64·64, 12²·128·64, 12²·128·128, 6²·256·128, 6²·256·256 (each ·9), then 256·7.
        long expected = 9L * (48 * 48 * 32 * 1 + 24 * 24 * 64 * 32 + 24 * 24 * 64 * 64 + 12 * 12 * 128 * 64
                               + 12 * 12 * 128 * 128 + 6 * 6 * 256 * 128 + 6 * 6 * 256 * 256) + 256 * 7;
        Assert.Equal(expected, model.MultiplyAdds());
    }

    [Fact]
    public void The_dense_head_adds_one_layer_over_the_flattened_3x3_map()
    {
        using var pooled = Architectures.Get("vgg").Create(7);
        using var dense = Architectures.Get("vgg-fc").Create(7);

        // Same convolutions and the same 256 -> 7 classifier; the dense head adds a (256·3·3) -> 256 layer.
        Assert.Equal(pooled.MultiplyAdds() + 256 * 9 * 256, dense.MultiplyAdds());
    }

    [Fact]
    public void The_deep_design_adds_a_third_conv_to_the_last_two_stages()
    {
        using var vgg = Architectures.Get("vgg").Create(7);
        using var deep = Architectures.Get("vgg-deep").Create(7);

        Assert.Equal(vgg.MultiplyAdds() + 9L * (12 * 12 * 128 * 128 + 6 * 6 * 256 * 256), deep.MultiplyAdds());
    }

    [Fact]
    public void Squeeze_and_excitation_adds_only_its_bottlenecks_to_the_last_two_stages()
    {
        using var vgg = Architectures.Get("vgg").Create(7);
        using var se = Architectures.Get("vgg-se").Create(7);

        // 128 -> 16 -> 128 and 256 -> 32 -> 256 on the pooled channels; the parameters add the biases.
        Assert.Equal(vgg.MultiplyAdds() + 2 * (128 * 16 + 256 * 32), se.MultiplyAdds());
        Assert.Equal(vgg.ParameterCount + 2 * (128 * 16 + 256 * 32) + 16 + 128 + 32 + 256, se.ParameterCount);
        Assert.Equal(["stage3_se", "stage4_se"], se.NamedLayers.Where(l => l.Layer is SqueezeExcitation).Select(l => l.Name));
    }

    [Theory]
    [InlineData("paper", 2_345_607)]
    [InlineData("vgg", 1_165_159)]
    [InlineData("vgg-wide", 2_618_647)]
    [InlineData("vgg-fc", 1_755_239)]
    [InlineData("vgg-deep", 1_903_207)]
    [InlineData("vgg-se", 1_186_071)]
    [InlineData("resnet", 1_209_063)]
    public void Every_architecture_maps_a_batch_of_faces_to_seven_logits(string name, long parameters)
    {
        using var model = Architectures.Get(name).Create(7);
        model.eval();
        using var input = TorchSharp.torch.rand(3, 1, 48, 48).mul_(255);

        using var output = model.forward(input);

        Assert.Equal([3L, 7L], output.shape);
        Assert.Equal(parameters, model.ParameterCount);
        Assert.Equal(model.ParameterCount, Architectures.Get(name).Parameters);
        Assert.True(model.MultiplyAdds() > 0);
    }

    [Fact]
    public void An_unknown_architecture_is_refused_with_the_choices()
    {
        var error = Assert.Throws<UserErrorException>(() => Architectures.Get("alexnet"));

        Assert.Contains("paper, vgg, vgg-wide, vgg-fc, vgg-deep, vgg-se, resnet", error.Message);
    }
}
