using FerMusic.Core.Fer2013;

namespace FerMusic.Core.Tests.Fer2013;

public sealed class PixelTextTests
{
    [Theory]
    [InlineData("0 1 255", new byte[] { 0, 1, 255 })]
    [InlineData("  7  8\t9 ", new byte[] { 7, 8, 9 })]
    [InlineData("007 0 10", new byte[] { 7, 0, 10 })]
    public void Parses_space_separated_values(string text, byte[] expected)
    {
        var destination = new byte[expected.Length];

        var problem = PixelText.TryParse(System.Text.Encoding.ASCII.GetBytes(text), destination);

        Assert.Null(problem);
        Assert.Equal(expected, destination);
    }

    [Theory]
    [InlineData("1 2", "expected 3 pixel values, found 2")]
    [InlineData("1 2 3 4", "expected 3 pixel values, found more")]
    [InlineData("1 -2 3", "pixel 2 is '-2'")]
    [InlineData("1 2 1000", "pixel 3 is '1000'")]
    [InlineData("1 2.5 3", "pixel 2 is '2.5'")]
    [InlineData("", "expected 3 pixel values, found 0")]
    public void Says_what_is_wrong(string text, string problem)
    {
        var message = PixelText.TryParse(System.Text.Encoding.ASCII.GetBytes(text), new byte[3]);

        Assert.NotNull(message);
        Assert.Contains(problem, message);
    }
}
