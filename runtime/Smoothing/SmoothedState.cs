
namespace FerMusic.Runtime.Smoothing;

public enum EmotionStatus
{
    NoFace,
    Uncertain,
    Emotion,
}

/// <summary>What the smoother reports: a status, the emotion when there is one, and the averaged probabilities.</summary>
public sealed record SmoothedState(EmotionStatus Status, int? Emotion, float[] Probabilities)
{
    public static SmoothedState NoFace(int classes) => new(EmotionStatus.NoFace, null, new float[classes]);

}
