namespace FerMusic.Core;

/// <summary>The seven FER2013 emotions, numbered as in the dataset's <c>emotion</c> column.</summary>
public enum Emotion
{
    Angry = 0,
    Disgust = 1,
    Fear = 2,
    Happy = 3,
    Sad = 4,
    Surprise = 5,
    Neutral = 6,
}
