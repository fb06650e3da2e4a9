using System.Numerics;
using FerMusic.Core.Faces;
using FerMusic.Core.Fer2013;

namespace FerMusic.Core.Tests.Faces;

public sealed class FaceFramingsTests
{
    [Fact]
    public void The_metadata_form_reads_back_as_written()
    {
        var json = Fer2013Framing.Measured.ToJson();

        var read = FaceFramings.Parse(json, 0.1f);

        Assert.Equal(Fer2013Framing.Measured.For("haar"), read.For("haar"));
        Assert.Equal(Fer2013Framing.Measured.For("yunet").BoxCentre, read.For("yunet").BoxCentre);
        Assert.Equal(Fer2013Framing.Measured.For("yunet").Eyes!.Value.Left.X, read.For("yunet").Eyes!.Value.Left.X, 3);
        Assert.True(read.Has("haar"));
    }

    [Fact]
    public void A_detector_without_a_framing_gets_the_margin_framing()
    {
        var read = FaceFramings.Parse("""{"haar":{"box":[24,24,46,46]}}""", 0.25f);

        Assert.False(read.Has("yunet"));
        Assert.Equal(FaceFraming.FromMargin(0.25f), read.For("yunet"));
        Assert.Equal(new Vector2(32, 32), FaceFraming.FromMargin(0.25f).BoxSize);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"haar":{"box":[24,24,46]}}""")]
    [InlineData("""{"haar":{"box":[24,24,0,46]}}""")]
    [InlineData("""{"haar":{"box":[24,"x",46,46]}}""")]
    [InlineData("""{"yunet":{"box":[24,24,40,50],"eyes":[1,2,3]}}""")]
    public void A_malformed_framing_is_a_format_error(string json)
    {
        Assert.Throws<FormatException>(() => FaceFramings.Parse(json, 0.1f));
    }
}
