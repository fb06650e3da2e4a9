namespace FerMusic.Eval.Metrics;

/// <summary>
/// Accuracy, per-class precision/recall/F1 and the confusion matrix (rows = true class, columns = predicted) of
/// predictions against the truth. A class that is never predicted has precision 0, one with no examples has
/// recall 0; macro-F1 averages the classes that have examples, so an absent class neither helps nor hurts.
/// An example without a prediction (<see cref="NoPrediction"/>, say a picture where no face was found) counts as
/// wrong; <see cref="Unpredicted"/> holds how many of each true class had none.
/// </summary>
public sealed record ClassificationMetrics(
    IReadOnlyList<string> Labels,
    int Count,
    double Accuracy,
    double MacroF1,
    IReadOnlyList<ClassMetrics> PerClass,
    int[][] Confusion,
    int[] Unpredicted)
{
    public const int NoPrediction = -1;

    /// <param name="truth">True class per example, indices into <paramref name="labels"/>.</param>
    /// <param name="predicted">Predicted class per example, or <see cref="NoPrediction"/>; a model may know fewer classes than the labels.</param>
    public static ClassificationMetrics Compute(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, IReadOnlyList<string> labels)
    {
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException($"{truth.Count} true labels but {predicted.Count} predictions.");
        }
        var k = labels.Count;
        var confusion = Enumerable.Range(0, k).Select(_ => new int[k]).ToArray();
        var unpredicted = new int[k];
        var correct = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            if ((uint)truth[i] < k && predicted[i] == NoPrediction)
            {
                unpredicted[truth[i]]++;
                continue;
            }
            if ((uint)truth[i] >= k || (uint)predicted[i] >= k)
            {
                throw new ArgumentOutOfRangeException(nameof(truth), $"Example {i}: class {truth[i]} or {predicted[i]} is outside 0..{k - 1}.");
            }
            confusion[truth[i]][predicted[i]]++;
            correct += truth[i] == predicted[i] ? 1 : 0;
        }

        var perClass = new List<ClassMetrics>();
        for (var c = 0; c < k; c++)
        {
            var truePositives = confusion[c][c];
            var support = confusion[c].Sum() + unpredicted[c];
            var predictedAs = confusion.Sum(row => row[c]);
            var precision = predictedAs == 0 ? 0 : (double)truePositives / predictedAs;
            var recall = support == 0 ? 0 : (double)truePositives / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(precision, recall, f1, support));
        }
        var present = perClass.Where(m => m.Support > 0).ToList();
        return new ClassificationMetrics(labels, truth.Count,
            truth.Count == 0 ? 0 : (double)correct / truth.Count,
            present.Count == 0 ? 0 : present.Average(m => m.F1),
            perClass, confusion, unpredicted);
    }
}
