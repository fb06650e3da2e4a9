using FerMusic.Core;
using FerMusic.Core.Fer2013;
using FerMusic.Train.Models;
using FerMusic.Train.Training;
using static TorchSharp.torch;

namespace FerMusic.Train.Balancing;

/// <summary>How one strength of post-hoc logit adjustment scores on the validation split.</summary>
public sealed record BalancingCandidate(double Tau, double Accuracy, double BalancedAccuracy, double MacroF1, IReadOnlyList<double> Recall);

/// <summary>
/// Post-hoc logit adjustment (Menon et al., "Long-tail learning via logit adjustment", 2021): subtracting
/// tau * log(prior) from a trained network's logits moves its decisions towards the rare classes (disgust, fear), a
/// class-balanced classifier at tau = 1. The strength is chosen on PublicTest: the tau with the best balanced accuracy
/// (mean recall over the classes) whose plain accuracy stays within a set loss of the unadjusted network's.
/// </summary>
public static class LogitBalancing
{
    public static IReadOnlyList<double> Grid { get; } = [.. Enumerable.Range(0, 21).Select(i => i * 0.05)];

    /// <summary>The offsets added to the logits: -tau * log(share of each class in training).</summary>
    public static float[] Offsets(IReadOnlyList<int> trainingCounts, double tau) =>
        [.. SmoothedCrossEntropy.LogitAdjustment(trainingCounts, tau).Select(o => -o)];

    /// <summary>Scores every tau of <see cref="Grid"/> on <paramref name="validation"/>.</summary>
    public static IReadOnlyList<BalancingCandidate> Score(EmotionNet model, Fer2013Dataset validation, IReadOnlyList<int> trainingCounts) =>
        Score([model], validation, trainingCounts);

    /// <summary>Scores every tau of <see cref="Grid"/> for the average of the members' logits (an ensemble).</summary>
    public static IReadOnlyList<BalancingCandidate> Score(IReadOnlyList<EmotionNet> members, Fer2013Dataset validation, IReadOnlyList<int> trainingCounts)
    {
        var logits = new float[validation.Count * EmotionLabels.Count];
        foreach (var member in members)
        {
            var own = Logits(member, validation);
            for (var i = 0; i < logits.Length; i++)
            {
                logits[i] += own[i] / members.Count;
            }
        }
        var classes = EmotionLabels.Count;
        var truth = validation.Labels.ToArray().Select(l => (int)l).ToArray();
        return [.. Grid.Select(tau =>
        {
            var offsets = Offsets(trainingCounts, tau);
            var confusion = new int[classes, classes];
            for (var i = 0; i < truth.Length; i++)
            {
                var best = 0;
                for (var c = 1; c < classes; c++)
                {
                    if (logits[i * classes + c] + offsets[c] > logits[i * classes + best] + offsets[best])
                    {
                        best = c;
                    }
                }
                confusion[truth[i], best]++;
            }
            return Candidate(tau, confusion);
        })];
    }

    /// <summary>The candidate with the best balanced accuracy among those within <paramref name="maxAccuracyLoss"/> of tau = 0.</summary>
    public static BalancingCandidate Choose(IReadOnlyList<BalancingCandidate> candidates, double maxAccuracyLoss)
    {
        var plain = candidates.Single(c => c.Tau == 0);
        return candidates.Where(c => c.Accuracy >= plain.Accuracy - maxAccuracyLoss - 1e-12)
            .OrderByDescending(c => c.BalancedAccuracy).ThenBy(c => c.Tau).First();
    }

    /// <summary>Builds the adjustment into the classifier bias of each network (of an ensemble, whose logits are averaged).</summary>
    public static void Apply(IReadOnlyList<EmotionNet> members, IReadOnlyList<int> trainingCounts, double tau)
    {
        var offsets = Offsets(trainingCounts, tau);
        foreach (var member in members)
        {
            member.Classifier.ShiftBias(offsets);
        }
    }

    private static float[] Logits(EmotionNet model, Fer2013Dataset dataset)
    {
        model.eval();
        using var noGrad = no_grad();
        var classes = EmotionLabels.Count;
        var logits = new float[dataset.Count * classes];
        var source = new BatchSource(dataset, 256);
        var order = BatchSource.InOrder(dataset.Count);
        for (var batch = 0; batch < source.BatchCount(order.Length); batch++)
        {
            using var scope = NewDisposeScope();
            var (images, _) = source.Batch(order, batch);
            var values = model.forward(images).data<float>().ToArray();
            values.CopyTo(logits, batch * 256 * classes);
        }
        return logits;
    }

    private static BalancingCandidate Candidate(double tau, int[,] confusion)
    {
        var classes = confusion.GetLength(0);
        var total = 0;
        var correct = 0;
        var recall = new double[classes];
        var f1 = new List<double>();
        for (var c = 0; c < classes; c++)
        {
            var support = 0;
            var predicted = 0;
            for (var k = 0; k < classes; k++)
            {
                support += confusion[c, k];
                predicted += confusion[k, c];
            }
            total += support;
            correct += confusion[c, c];
            recall[c] = support == 0 ? 0 : (double)confusion[c, c] / support;
            var precision = predicted == 0 ? 0 : (double)confusion[c, c] / predicted;
            if (support > 0)
            {
                f1.Add(precision + recall[c] == 0 ? 0 : 2 * precision * recall[c] / (precision + recall[c]));
            }
        }
        return new BalancingCandidate(tau, total == 0 ? 0 : (double)correct / total, recall.Average(), f1.Count == 0 ? 0 : f1.Average(), recall);
    }
}
