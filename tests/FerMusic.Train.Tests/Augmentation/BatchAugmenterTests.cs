using FerMusic.Train.Augmentation;
using static TorchSharp.torch;

namespace FerMusic.Train.Tests.Augmentation;

public sealed class BatchAugmenterTests
{
    private static Tensor Batch(int count = 8, int seed = 1)
    {
        using var generator = new Generator((ulong)seed);
        return rand([count, 1, 48, 48], generator: generator).mul_(255).round_();
    }

    private static Tensor Apply(AugmentationOptions options, Tensor batch, ulong seed)
    {
        using var generator = new Generator(seed);
        return new BatchAugmenter(options).Apply(batch, generator);
    }

    [Fact]
    public void The_same_seed_gives_the_same_batch()
    {
        using var batch = Batch();

        using var first = Apply(new AugmentationOptions(), batch, 7);
        using var second = Apply(new AugmentationOptions(), batch, 7);
        using var other = Apply(new AugmentationOptions(), batch, 8);

        Assert.True(first.equal(second).all().item<bool>());
        Assert.False(first.equal(other).all().item<bool>());
    }

    public static TheoryData<string, AugmentationOptions> EachAugmentation() => new()
    {
        { "all", new AugmentationOptions { ErasingProbability = 1 } },
        { "shift", AugmentationOptions.None with { MaxShift = 4 } },
        { "rotation", AugmentationOptions.None with { MaxRotationDegrees = 15 } },
        { "scale", AugmentationOptions.None with { MaxScale = 0.1 } },
        { "aspect", AugmentationOptions.None with { MaxAspect = 0.15 } },
        { "photometric", AugmentationOptions.None with { Brightness = 0.3, Contrast = 0.5 } },
        { "erasing", AugmentationOptions.None with { ErasingProbability = 1 } },
    };

    [Theory]
    [MemberData(nameof(EachAugmentation))]
    public void Keeps_the_shape_and_the_0_to_255_range_and_changes_the_images(string name, AugmentationOptions options)
    {
        using var batch = Batch();

        using var augmented = Apply(options, batch, 3);

        Assert.Equal(batch.shape, augmented.shape);
        Assert.True(augmented.min().item<float>() >= 0, name);
        Assert.True(augmented.max().item<float>() <= 255, name);
        Assert.False(augmented.allclose(batch), name);
    }

    [Fact]
    public void Flip_is_an_exact_mirror()
    {
        using var batch = Batch();

        using var flipped = Apply(AugmentationOptions.None with { FlipProbability = 1 }, batch, 3);

        var original = batch.data<float>().ToArray();
        var mirrored = flipped.data<float>().ToArray();
        for (var image = 0; image < 8; image++)
        {
            for (var y = 0; y < 48; y++)
            {
                for (var x = 0; x < 48; x++)
                {
                    var offset = image * 2304 + y * 48;
                    Assert.Equal(original[offset + x], mirrored[offset + 47 - x]);
                }
            }
        }
    }

    [Fact]
    public void A_whole_pixel_shift_copies_pixels_exactly()
    {
        using var batch = Batch(count: 4);

        using var shifted = Apply(AugmentationOptions.None with { MaxShift = 3 }, batch, 11);

        // Each output image is its input moved by whole pixels: every value is one of the input's values.
        for (var image = 0; image < 4; image++)
        {
            var source = batch[image].data<float>().ToHashSet();
            Assert.All(shifted[image].data<float>().ToArray(), v => Assert.Contains(v, source));
        }
    }

    [Fact]
    public void Nothing_enabled_changes_nothing()
    {
        using var batch = Batch();

        using var result = Apply(AugmentationOptions.None, batch, 3);

        Assert.True(result.equal(batch).all().item<bool>());
    }

    [Fact]
    public void An_aspect_stretch_widens_a_face_as_much_as_it_flattens_it()
    {
        // A centred 20x20 bright square: stretched, its width and height change in opposite directions.
        using var square = zeros([16, 1, 48, 48]);
        square[.., .., 14..34, 14..34] = tensor(255f);

        using var stretched = Apply(AugmentationOptions.None with { MaxAspect = 0.3 }, square, 5);

        var widths = stretched.gt(127).any(2).sum([1, 2]).to(ScalarType.Float32);
        var heights = stretched.gt(127).any(3).sum([1, 2]).to(ScalarType.Float32);
        var ratios = widths.div(heights).data<float>().ToArray();
        Assert.Contains(ratios, r => r > 1.1f);
        Assert.Contains(ratios, r => r < 0.9f);
        // At most 1.3 wider and 1.3 lower (or the reverse): width:height within 1/1.69..1.69, give or take a pixel.
        Assert.All(ratios, r => Assert.InRange(r, 1 / 1.8f, 1.8f));
    }

    [Fact]
    public void Without_an_aspect_stretch_the_random_draws_are_those_of_earlier_versions()
    {
        // Recipes from before the stretch existed must give the same batches for the same seed.
        using var batch = Batch();
        var options = new AugmentationOptions { MaxAspect = 0 };

        using var augmented = Apply(options, batch, 11);
        using var generator = new Generator(11);
        using var again = new BatchAugmenter(new AugmentationOptions()).Apply(batch, generator);

        Assert.True(augmented.equal(again).all().item<bool>());
    }
}
