using FerMusic.Train.Augmentation;
using static TorchSharp.torch;

namespace FerMusic.Train.Tests.Augmentation;

public sealed class MixupTests
{
    private static (Tensor Images, Tensor Labels) Batch(int count = 16)
    {
        using var generator = new Generator(5);
        var images = rand([count, 1, 48, 48], generator: generator).mul_(255);
        var labels = arange(count, ScalarType.Int64).remainder_(7);
        return (images, labels);
    }

    private static MixedBatch Apply(double alpha, Tensor images, Tensor labels, ulong seed)
    {
        using var generator = new Generator(seed);
        return new Mixup(alpha).Apply(images, labels, generator);
    }

    [Fact]
    public void Blends_every_image_with_the_partner_whose_label_it_carries()
    {
        var (images, labels) = Batch();

        var mixed = Apply(0.4, images, labels, 3);

        Assert.InRange(mixed.Weight, 0.0, 1.0);
        Assert.Equal(images.shape, mixed.Images.shape);
        Assert.True(labels.equal(mixed.Labels).all().item<bool>());
        // Each mixed image must equal w·image + (1−w)·some image j of the batch, and carry j's label as its partner label.
        for (var i = 0; i < images.shape[0]; i++)
        {
            var expectedPartners = Enumerable.Range(0, (int)images.shape[0])
                .Where(j => images[j].mul(1 - mixed.Weight).add(images[i], alpha: mixed.Weight).allclose(mixed.Images[i], rtol: 1e-4, atol: 1e-3))
                .ToList();
            Assert.NotEmpty(expectedPartners);
            Assert.Contains(mixed.PartnerLabels[i].item<long>(), expectedPartners.Select(j => labels[j].item<long>()));
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_blend()
    {
        var (images, labels) = Batch();

        var first = Apply(0.4, images, labels, 7);
        var second = Apply(0.4, images, labels, 7);
        var other = Apply(0.4, images, labels, 8);

        Assert.Equal(first.Weight, second.Weight);
        Assert.True(first.Images.equal(second.Images).all().item<bool>());
        Assert.False(first.Images.equal(other.Images).all().item<bool>());
    }

    [Fact]
    public void Leaves_the_generator_in_the_same_state_for_the_same_seed()
    {
        var (images, labels) = Batch();

        float NextDrawAfterMixup()
        {
            using var generator = new Generator(11);
            new Mixup(0.4).Apply(images, labels, generator);
            using var next = rand(1, generator: generator);
            return next.item<float>();
        }

        Assert.Equal(NextDrawAfterMixup(), NextDrawAfterMixup());
    }

    [Fact]
    public void A_small_alpha_gives_weights_near_0_or_1_and_a_large_one_weights_near_a_half()
    {
        var (images, labels) = Batch();

        var small = Enumerable.Range(0, 40).Select(s => Apply(0.1, images, labels, (ulong)s).Weight).ToList();
        var large = Enumerable.Range(0, 40).Select(s => Apply(50, images, labels, (ulong)s).Weight).ToList();

        Assert.True(small.Average(w => Math.Min(w, 1 - w)) < 0.15, $"mean distance from 0/1 was {small.Average(w => Math.Min(w, 1 - w)):F3}");
        Assert.All(large, w => Assert.InRange(w, 0.3, 0.7));
    }

    [Fact]
    public void The_loss_and_accuracy_weigh_the_own_and_the_partner_targets_like_the_images()
    {
        // Image 0's partner is image 1 and the other way round: partner labels {2, 1}, partner soft targets {3, 1}.
        var mixed = new MixedBatch(zeros(2), tensor(new long[] { 1, 2 }), tensor(new long[] { 1, 0 }), 0.75);
        using var soft = tensor(new float[] { 1, 3 }, [2, 1]);
        Tensor LossAgainst(Tensor labels, Tensor? targets) =>
            labels.to(ScalarType.Float32).mul(tensor(new float[] { 1, 10 })).sum()
                .add(targets!.squeeze(1).mul(tensor(new float[] { 100, 1000 })).sum());

        using var loss = mixed.Loss(LossAgainst, soft);
        var correct = mixed.Correct(tensor(new long[] { 2, 1 }));

        Assert.Equal(0.75 * (21 + 3100) + 0.25 * (12 + 1300), loss.item<float>(), 2);
        Assert.Equal(0.25 * 2, correct, 9);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void An_alpha_that_is_not_a_positive_number_is_refused(double alpha)
    {
        var error = Assert.Throws<ArgumentException>(() => new Mixup(alpha));

        Assert.Contains("positive", error.Message);
    }
}
