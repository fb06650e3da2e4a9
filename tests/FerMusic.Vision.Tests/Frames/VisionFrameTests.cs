using FerMusic.Vision.Frames;
using OpenCvSharp;

namespace FerMusic.Vision.Tests.Frames;

public sealed class VisionFrameTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void Every_frame_gives_grey_colour_and_equalised_forms_of_its_size(int channels)
    {
        using var image = new Mat(30, 40, MatType.CV_8UC(channels), Scalar.All(90));
        using var frame = new VisionFrame();

        frame.Update(image);

        Assert.Equal((40, 30, 1), (frame.Grey.Width, frame.Grey.Height, frame.Grey.Channels()));
        Assert.Equal(90, frame.Grey.At<byte>(5, 5));
        Assert.Equal(3, frame.Colour.Channels());
        Assert.Equal(new Size(40, 30), frame.Equalized.Size());
    }

    [Fact]
    public void An_empty_frame_is_refused()
    {
        using var frame = new VisionFrame();
        using var empty = new Mat();

        Assert.Throws<ArgumentException>(() => frame.Update(empty));
    }
}
