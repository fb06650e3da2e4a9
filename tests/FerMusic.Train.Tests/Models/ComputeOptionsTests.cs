using FerMusic.Core;
using FerMusic.Train.Models;
using static TorchSharp.torch;

namespace FerMusic.Train.Tests.Models;

/// <summary>The speed options compute the same network: same outputs and loss on a fixed batch, within each one's precision.</summary>
public sealed class ComputeOptionsTests
{
    private static (float[] Logits, float Loss, float[] Gradient) Step(string architecture, ComputeOptions compute)
    {
        manual_seed(11);
        using var model = Architectures.Get(architecture).Create(EmotionLabels.Count);
        model.Compute = compute;
        model.train();
        manual_seed(12);
        using var faces = rand(16, 1, 48, 48).mul_(255);
        using var labels = randint(0, EmotionLabels.Count, [16]);
        model.eval(); // dropout off, so both runs see the same network
        using var logits = model.forward(faces);
        using var loss = nn.functional.cross_entropy(logits, labels);
        loss.backward();
        var gradient = model.parameters().First().grad!.data<float>().ToArray();
        return (logits.data<float>().ToArray(), loss.item<float>(), gradient);
    }

    [Theory]
    [InlineData("vgg")]
    [InlineData("vgg-se")]
    [InlineData("resnet")]
    public void Channels_last_gives_the_same_outputs_loss_and_gradients(string architecture)
    {
        var plain = Step(architecture, ComputeOptions.Float32);
        var channelsLast = Step(architecture, new ComputeOptions(ChannelsLast: true));

        Assert.Equal(plain.Loss, channelsLast.Loss, 5);
        Assert.All(plain.Logits.Zip(channelsLast.Logits), p => Assert.Equal(p.First, p.Second, 4));
        Assert.All(plain.Gradient.Zip(channelsLast.Gradient), p => Assert.InRange(Math.Abs(p.First - p.Second), 0, 1e-4 + 1e-3 * Math.Abs(p.First)));
    }

    [Theory]
    [InlineData("vgg")]
    [InlineData("vgg-se")]
    [InlineData("resnet")]
    public void Bfloat16_gives_the_same_loss_within_its_precision(string architecture)
    {
        var plain = Step(architecture, ComputeOptions.Float32);
        var bf16 = Step(architecture, new ComputeOptions(BFloat16: true));

        // bfloat16 keeps 8 bits of mantissa: about 2-3 significant digits through the network.
        Assert.InRange(Math.Abs(plain.Loss - bf16.Loss), 0, 0.02 * Math.Abs(plain.Loss) + 0.01);
        var scale = plain.Logits.Max(Math.Abs);
        Assert.All(plain.Logits.Zip(bf16.Logits), p => Assert.InRange(Math.Abs(p.First - p.Second), 0, 0.05 * scale + 0.02));
        Assert.Equal(ScalarType.Float32, Architectures.Get(architecture).Create(EmotionLabels.Count).parameters().First().dtype);
    }
}
