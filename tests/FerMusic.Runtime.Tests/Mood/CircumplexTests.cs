using FerMusic.Core;
using FerMusic.Runtime.Mood;

namespace FerMusic.Runtime.Tests.Mood;

public sealed class CircumplexTests
{
    [Fact]
    public void A_certain_emotion_sits_at_its_point()
    {
        var probabilities = new float[7];
        probabilities[(int)Emotion.Happy] = 1;

        var mood = Circumplex.FromProbabilities(probabilities, EmotionLabels.Names);

        Assert.Equal(Circumplex.Of("happy"), mood);
    }

    [Fact]
    public void A_mixture_is_the_weighted_mean()
    {
        var probabilities = new float[7];
        probabilities[(int)Emotion.Happy] = 0.5f;
        probabilities[(int)Emotion.Sad] = 0.5f;

        var mood = Circumplex.FromProbabilities(probabilities, EmotionLabels.Names);

        Assert.Equal((Circumplex.Of("happy").Valence + Circumplex.Of("sad").Valence) / 2, mood.Valence, 6);
        Assert.Equal((Circumplex.Of("happy").Arousal + Circumplex.Of("sad").Arousal) / 2, mood.Arousal, 6);
    }

    [Theory]
    [InlineData("happy", 1, 1)]
    [InlineData("surprise", 1, 1)]
    [InlineData("angry", -1, 1)]
    [InlineData("fear", -1, 1)]
    [InlineData("sad", -1, -1)]
    public void Emotions_fall_in_their_quadrants(string emotion, int valenceSign, int arousalSign)
    {
        var point = Circumplex.Of(emotion);

        Assert.Equal(valenceSign, Math.Sign(point.Valence));
        Assert.Equal(arousalSign, Math.Sign(point.Arousal));
    }
}
