using System.Numerics;
using FerMusic.Core.Imaging;

namespace FerMusic.Core.Tests.Imaging;

public sealed class GreyWarpTests
{
    private static byte[] Checkerboard(int side)
    {
        var image = new byte[side * side];
        for (var i = 0; i < image.Length; i++)
        {
            image[i] = (byte)((i % side + i / side) % 2 * 255);
        }
        return image;
    }

    [Fact]
    public void A_one_to_one_map_copies_pixels_exactly()
    {
        var image = new byte[48 * 48];
        new Random(1).NextBytes(image);
        var output = new byte[48 * 48];

        GreyWarp.Sample(image, 48, 48, 48, new AffineSampling(Vector2.Zero, Vector2.UnitX, Vector2.UnitY), output, 48, 48);

        Assert.Equal(image, output);
    }

    [Fact]
    public void A_whole_factor_shrink_averages_exactly_the_covered_pixels()
    {
        byte[] image = [0, 40, 80, 120, 10, 50, 90, 130];
        var output = new byte[2];

        GreyWarp.Sample(image, 4, 2, 4, new AffineSampling(Vector2.Zero, new Vector2(2, 0), new Vector2(0, 2)), output, 2, 1);

        Assert.Equal([(byte)25, (byte)105], output);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.3f)]
    public void A_turned_shrink_of_a_fine_pattern_gives_grey_not_moire(float angle)
    {
        var output = new byte[48 * 48];
        var map = AffineSampling.Similarity(new Vector2(24, 24), new Vector2(200, 200), 200f / 48, angle);

        GreyWarp.Sample(Checkerboard(400), 400, 400, 400, map, output, 48, 48);

        Assert.All(output, value => Assert.InRange(value, 105, 150));
    }

    [Fact]
    public void Points_outside_the_image_repeat_its_edge()
    {
        byte[] image = [10, 20, 30, 40];
        var output = new byte[4];

        GreyWarp.Sample(image, 2, 2, 2, new AffineSampling(new Vector2(-5, -5), Vector2.UnitX, Vector2.UnitY), output, 2, 2);

        Assert.All(output, value => Assert.Equal(10, value));
    }
}
