namespace FerMusic.Core.Tests;

public sealed class EmotionLabelsTests
{
    [Fact]
    public void Labels_follow_FER2013_numbering()
    {
        Assert.Equal("angry,disgust,fear,happy,sad,surprise,neutral", EmotionLabels.Joined);
        foreach (var emotion in Enum.GetValues<Emotion>())
        {
            Assert.Equal(emotion.ToString().ToLowerInvariant(), EmotionLabels.Name(emotion));
        }
    }

    [Theory]
    [InlineData("Happy", Emotion.Happy)]
    [InlineData(" neutral ", Emotion.Neutral)]
    public void Parses_names_ignoring_case(string name, Emotion expected)
    {
        Assert.True(EmotionLabels.TryParse(name, out var emotion));
        Assert.Equal(expected, emotion);
    }

    [Fact]
    public void Does_not_parse_unknown_names()
    {
        Assert.False(EmotionLabels.TryParse("contempt", out _));
    }
}
