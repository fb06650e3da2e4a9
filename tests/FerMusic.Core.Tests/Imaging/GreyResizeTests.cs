using FerMusic.Core.Imaging;

namespace FerMusic.Core.Tests.Imaging;

public sealed class GreyResizeTests
{
    private static byte[] Pattern(int width, int height, Func<int, int, byte> pixel)
    {
        var image = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[y * width + x] = pixel(x, y);
            }
        }
        return image;
    }

    private static byte[] Resize(byte[] source, int width, int height, int toWidth, int toHeight)
    {
        var destination = new byte[toWidth * toHeight];
        GreyResize.Resize(source, width, height, width, destination, toWidth, toHeight);
        return destination;
    }

    [Fact]
    public void A_same_size_resize_copies_the_image_exactly()
    {
        var image = Pattern(48, 48, (x, y) => (byte)((x * 7 + y * 13) % 256));

        Assert.Equal(image, Resize(image, 48, 48, 48, 48));
    }

    [Fact]
    public void Halving_averages_each_two_by_two_block()
    {
        var image = Pattern(4, 2, (x, y) => (byte)(x * 40 + y * 10));

        Assert.Equal([(byte)Math.Round((0 + 40 + 10 + 50) / 4.0), (byte)Math.Round((80 + 120 + 90 + 130) / 4.0)], Resize(image, 4, 2, 2, 1));
    }

    [Theory]
    [InlineData(200, 48)] // a typical camera face to the model's input
    [InlineData(193, 48)] // a factor that is not whole
    [InlineData(97, 31)]
    public void A_pattern_finer_than_the_output_becomes_its_mean_grey_instead_of_aliasing(int side, int output)
    {
        // One-pixel checkerboard and one-pixel stripes: a 2x2-tap bilinear shrink reads a few source pixels per output
        // pixel and returns moiré of near-black and near-white; averaging every covered pixel returns grey (within what
        // a fraction of one pixel more or less of either colour can shift it).
        foreach (var pattern in new Func<int, int, byte>[] { (x, y) => (byte)((x + y) % 2 * 255), (x, _) => (byte)(x % 2 * 255) })
        {
            var resized = Resize(Pattern(side, side, pattern), side, side, output, output);

            var swing = 255.0 / ((double)side / output);
            Assert.All(resized, value => Assert.InRange(value, 127.5 - swing / 2 - 1, 127.5 + swing / 2 + 1));
            Assert.InRange(resized.Average(v => v), 124, 131);
        }
    }

    [Fact]
    public void Enlarging_interpolates_between_pixel_centres()
    {
        var resized = Resize([0, 100], 2, 1, 4, 1);

        Assert.Equal([0, 25, 75, 100], resized);
    }

    [Fact]
    public void Sizes_and_buffers_are_checked()
    {
        Assert.Throws<ArgumentException>(() => Resize([1, 2], 2, 1, 0, 1));
        Assert.Throws<ArgumentException>(() => GreyResize.Resize(new byte[3], 2, 2, 2, new byte[1], 1, 1));
    }
}
