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

    /// <summary>The position of <paramref name="label"/> in <paramref name="labels"/> (ignoring case and surrounding space), or -1.</summary>
    public static int IndexIn(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i].Trim(), label.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    public static bool TryParse(string name, out Emotion emotion)
    {
        var index = IndexIn(Names, name);
        emotion = index < 0 ? default : (Emotion)index;
        return index >= 0;
    }
}
