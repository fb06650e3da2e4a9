using FerMusic.Eval.Metrics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FerMusic.Eval.Tests.Metrics;

/// <summary>Our accuracy and confusion matrix must agree exactly with ML.NET's evaluator on the same predictions.</summary>
public sealed class MlNetCrossCheckTests
{
    private sealed class Row
    {
        [KeyType(7)] public uint Label { get; set; }
        [KeyType(7)] public uint PredictedLabel { get; set; }
        [VectorType(7)] public float[] Score { get; set; } = [];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Accuracy_and_confusion_matrix_match_MLNET(int seed)
    {
        var random = new Random(seed);
        var truth = new int[500];
        var predicted = new int[500];
        for (var i = 0; i < truth.Length; i++)
        {
            truth[i] = random.Next(7);
            predicted[i] = random.NextDouble() < 0.6 ? truth[i] : random.Next(7);
        }
        var ours = ClassificationMetrics.Compute(truth, predicted, FerMusic.Core.EmotionLabels.Names);

        var ml = new MLContext(seed);
        var rows = truth.Select((t, i) =>
        {
            var score = new float[7];
            score[predicted[i]] = 1; // the evaluator's predicted class must be the top score
            // Keys loaded from an enumerable are taken as 0-based class indices, like ours.
            return new Row { Label = (uint)t, PredictedLabel = (uint)predicted[i], Score = score };
        });
        var data = ml.Data.LoadFromEnumerable(rows);
        var theirs = ml.MulticlassClassification.Evaluate(data, labelColumnName: "Label", scoreColumnName: "Score", predictedLabelColumnName: "PredictedLabel");

        Assert.Equal(theirs.MicroAccuracy, ours.Accuracy, 12);
        var matrix = theirs.ConfusionMatrix;
        for (var row = 0; row < 7; row++)
        {
            for (var column = 0; column < 7; column++)
            {
                Assert.Equal(matrix.Counts[row][column], ours.Confusion[row][column]);
            }
        }
        for (var c = 0; c < 7; c++)
        {
            Assert.Equal(matrix.PerClassPrecision[c], ours.PerClass[c].Precision, 12);
            Assert.Equal(matrix.PerClassRecall[c], ours.PerClass[c].Recall, 12);
        }
    }
}
