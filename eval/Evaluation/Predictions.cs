
namespace FerMusic.Eval.Evaluation;

/// <summary>A model's class probabilities for each face, and the class it picks.</summary>
public sealed record Predictions(float[] Probabilities, int Classes, int[] Predicted)
{
    public ReadOnlySpan<float> Row(int index) => Probabilities.AsSpan(index * Classes, Classes);
}
