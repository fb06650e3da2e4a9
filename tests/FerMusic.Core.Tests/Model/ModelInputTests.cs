using FerMusic.Core.Model;

namespace FerMusic.Core.Tests.Model;

public sealed class ModelInputTests
{
    [Fact]
    public void Writes_raw_grey_values_as_floats()
    {
        var images = new byte[2 * ModelContract.PixelsPerImage];
        images[0] = 255;
        images[ModelContract.PixelsPerImage + 5] = 17;
        var destination = new float[images.Length];

        ModelInput.Write(images, destination);

        Assert.Equal(255f, destination[0]);
        Assert.Equal(17f, destination[ModelContract.PixelsPerImage + 5]);
        Assert.Equal(images.Sum(b => (double)b), destination.Sum(f => (double)f));
    }

    [Fact]
    public void Rejects_a_partial_image()
    {
        Assert.Throws<ArgumentException>(() => ModelInput.Write(new byte[100], new float[100]));
    }

    [Fact]
    public void Rejects_a_destination_that_is_too_small()
    {
        Assert.Throws<ArgumentException>(() => ModelInput.Write(new byte[ModelContract.PixelsPerImage], new float[10]));
    }
}
