namespace FerMusic.Core;

/// <summary>Lower-case label names in FER2013 order, as written into model metadata and reports.</summary>
public static class EmotionLabels
{
    public static readonly IReadOnlyList<string> Names =
        ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"];

    public static int Count => Names.Count;

    /// <summary>The comma-separated form used in the ONNX <c>labels</c> metadata.</summary>
    public static string Joined { get; } = string.Join(',', Names);

    public static string Name(Emotion emotion) => Names[(int)emotion];

    public static bool TryParse(string name, out Emotion emotion)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                emotion = (Emotion)i;
                return true;
            }
        }
        emotion = default;
        return false;
    }
}
