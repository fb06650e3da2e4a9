using FerMusic.Train.Models;
using FerMusic.Train.Training;
using static TorchSharp.torch;

namespace FerMusic.Train.Tests.Training;

public sealed class SharpnessAwareStepTests
{
    /// <summary>A fresh network with the gradient of a cross-entropy on a random batch.</summary>
    private static EmotionNet NetworkWithGradient()
    {
        manual_seed(3);
        var model = Architectures.Get("vgg").Create(7);
        model.train();
        using var scope = NewDisposeScope();
        var images = rand(8, 1, 48, 48) * 255;
        var labels = randint(0, 7, [8], dtype: ScalarType.Int64);
        nn.functional.cross_entropy(model.forward(images), labels).backward();
        return model;
    }

    private static Tensor[] Snapshot(EmotionNet model) => [.. model.parameters().Select(p => p.detach().clone())];

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.5)]
    public void The_weights_move_by_the_radius_along_the_gradient_and_come_back_exactly(double rho)
    {
        using var model = NetworkWithGradient();
        var before = Snapshot(model);
        using var step = new SharpnessAwareStep(model.parameters(), rho);

        var gradientNorm = step.Perturb();

        double moved = 0, along = 0;
        foreach (var (p, b) in model.parameters().Zip(before))
        {
            using var delta = p.detach() - b;
            moved += delta.square().sum().item<float>();
            along += (delta * p.grad!).sum().item<float>();
        }
        Assert.True(gradientNorm > 0);
        Assert.Equal(rho, Math.Sqrt(moved), 3);
        // Uphill: the move is the gradient scaled by rho / |g|, so its dot product with g is rho |g|.
        Assert.Equal(rho * gradientNorm, along, rho * gradientNorm * 1e-3);

        step.Restore();

        foreach (var (p, b) in model.parameters().Zip(before))
        {
            Assert.True(p.detach().equal(b).all().item<bool>(), "every weight is back, bit for bit");
        }
    }

    [Fact]
    public void Weights_without_a_gradient_stay_where_they_are()
    {
        manual_seed(4);
        using var model = Architectures.Get("vgg").Create(7);
        var before = Snapshot(model);
        using var step = new SharpnessAwareStep(model.parameters(), 0.05);

        Assert.Equal(0, step.Perturb());

        Assert.All(model.parameters().Zip(before), pair => Assert.True(pair.First.detach().equal(pair.Second).all().item<bool>()));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.05)]
    public void A_radius_that_is_not_positive_is_refused(double rho)
    {
        using var model = Architectures.Get("vgg").Create(7);

        Assert.Throws<ArgumentOutOfRangeException>(() => new SharpnessAwareStep(model.parameters(), rho));
    }
}
