namespace FerMusic.Runtime.Mood;

/// <summary>
/// Where each emotion sits in mood space. Valence and arousal follow Russell's circumplex model of affect
/// (J. A. Russell, "A circumplex model of affect", Journal of Personality and Social Psychology 39(6), 1980, Fig. 2;
/// coordinates rounded from the placement of happy/delighted, surprised/astonished, angry, afraid/alarmed,
/// disgusted/distressed, sad/miserable, and neutral at the origin). Dominance, the axis that tells anger (in control)
/// from fear (overpowered), takes the ratings of the same words in J. A. Russell and A. Mehrabian, "Evidence for a
/// three-factor theory of emotions", Journal of Research in Personality 11(3), 1977: angry .25, disgusted .11,
/// afraid -.43, happy .46, sad -.33, surprised -.13; contempt, not rated there, is placed beside disgust.
/// A face's mood is the probability-weighted mean of these points.
/// </summary>
public static class Circumplex
{
    private static readonly Dictionary<string, Affect> Points = new(StringComparer.OrdinalIgnoreCase)
    {
        ["angry"] = new(-0.60, 0.70, 0.25),
        ["disgust"] = new(-0.70, 0.35, 0.11),
        ["fear"] = new(-0.55, 0.80, -0.43),
        ["happy"] = new(0.85, 0.45, 0.46),
        ["sad"] = new(-0.75, -0.45, -0.33),
        ["surprise"] = new(0.30, 0.85, -0.13),
        ["neutral"] = new(0.00, 0.00, 0.00),
        ["contempt"] = new(-0.55, 0.20, 0.20),
    };

    public static Affect Of(string emotion) =>
        Points.TryGetValue(emotion, out var mood) ? mood : throw new ArgumentException($"No circumplex position for '{emotion}'.");

    public static Affect FromProbabilities(ReadOnlySpan<float> probabilities, IReadOnlyList<string> labels)
    {
        double valence = 0, arousal = 0, dominance = 0, total = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var point = Of(labels[i]);
            valence += probabilities[i] * point.Valence;
            arousal += probabilities[i] * point.Arousal;
            dominance += probabilities[i] * point.Dominance;
            total += probabilities[i];
        }
        return total <= 0 ? new Affect(0, 0) : new Affect(valence / total, arousal / total, dominance / total);
    }
}
