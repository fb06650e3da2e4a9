using FerMusic.Core;
using FerMusic.Core.Fer2013;
using FerMusic.Train.Models;
using FerMusic.Train.Training;
using static TorchSharp.torch;

namespace FerMusic.Train.Balancing;

/// <summary>How one logit adjustment scores on the validation split: a strength tau of the prior, and the offsets it adds.</summary>
public sealed record BalancingCandidate(double Tau, double Accuracy, double BalancedAccuracy, double MacroF1, IReadOnlyList<double> Recall)
{
    /// <summary>What is added to each class's logit (tau's prior offsets, or per-class ones after <see cref="LogitBalancing.Refine"/>).</summary>
    public IReadOnlyList<float> Offsets { get; init; } = [];
}

/// <summary>A model's (or an ensemble's mean) logits on a validation split, row by row, and the true classes.</summary>
public sealed record ValidationLogits(float[] Logits, int[] Truth);

/// <summary>
/// Post-hoc logit adjustment (Menon et al., "Long-tail learning via logit adjustment", 2021): subtracting
/// tau * log(prior) from a trained network's logits moves its decisions towards the rare classes (disgust, fear), a
/// class-balanced classifier at tau = 1. The strength is chosen on PublicTest: the tau with the best balanced accuracy
/// (mean recall over the classes) whose plain accuracy stays within a set loss of the unadjusted network's.
/// Optionally each class's offset is then refined on PublicTest with the same objective and the same constraint.
/// </summary>
public static class LogitBalancing
{
    public static IReadOnlyList<double> Grid { get; } = [.. Enumerable.Range(0, 21).Select(i => i * 0.05)];

    /// <summary>The moves of one class's offset that <see cref="Refine"/> tries: +-0.05 to +-1 in steps of 0.05.</summary>
    public static IReadOnlyList<float> Steps { get; } = [.. Enumerable.Range(1, 20).SelectMany(i => new[] { i * 0.05f, -i * 0.05f })];

    /// <summary>The offsets added to the logits: -tau * log(share of each class in training).</summary>
    public static float[] Offsets(IReadOnlyList<int> trainingCounts, double tau) =>
        [.. SmoothedCrossEntropy.LogitAdjustment(trainingCounts, tau).Select(o => -o)];

    /// <summary>Scores every tau of <see cref="Grid"/> on <paramref name="validation"/>.</summary>
    public static IReadOnlyList<BalancingCandidate> Score(EmotionNet model, Fer2013Dataset validation, IReadOnlyList<int> trainingCounts) =>
        Score(Predict([model], validation), trainingCounts);

    /// <summary>Scores every tau of <see cref="Grid"/> for the average of the members' logits (an ensemble).</summary>
    public static IReadOnlyList<BalancingCandidate> Score(IReadOnlyList<EmotionNet> members, Fer2013Dataset validation, IReadOnlyList<int> trainingCounts) =>
        Score(Predict(members, validation), trainingCounts);

    /// <summary>Scores every tau of <see cref="Grid"/> on logits already computed.</summary>
    public static IReadOnlyList<BalancingCandidate> Score(ValidationLogits validation, IReadOnlyList<int> trainingCounts) =>
        [.. Grid.Select(tau => Evaluate(validation, Offsets(trainingCounts, tau), tau))];

    /// <summary>The mean of the members' logits on <paramref name="validation"/>.</summary>
    public static ValidationLogits Predict(IReadOnlyList<EmotionNet> members, Fer2013Dataset validation)
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
        return new ValidationLogits(logits, [.. validation.Labels.ToArray().Select(l => (int)l)]);
    }

    /// <summary>Accuracy, balanced accuracy, macro-F1 and recall of the logits with <paramref name="offsets"/> added.</summary>
    public static BalancingCandidate Evaluate(ValidationLogits validation, IReadOnlyList<float> offsets, double tau)
    {
        var classes = offsets.Count;
        var (logits, truth) = (validation.Logits, validation.Truth);
        if (logits.Length != truth.Length * classes)
        {
            throw new ArgumentException($"{logits.Length} logits do not make {truth.Length} rows of {classes} classes.", nameof(validation));
        }
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
        return Candidate(tau, confusion) with { Offsets = [.. offsets] };
    }

    /// <summary>
    /// Refines <paramref name="start"/>'s offsets one class at a time (coordinate ascent over <see cref="Steps"/>), keeping
    /// a move only when it raises the balanced accuracy and the accuracy stays at or above <paramref name="minAccuracy"/>;
    /// stops when a round over all classes changes nothing.
    /// </summary>
    public static BalancingCandidate Refine(ValidationLogits validation, BalancingCandidate start, double minAccuracy, int maxRounds = 20)
    {
        var best = start;
        for (var round = 0; round < maxRounds; round++)
        {
            var improved = false;
            for (var c = 0; c < best.Offsets.Count; c++)
            {
                var from = best.Offsets.ToArray();
                foreach (var step in Steps)
                {
                    var trial = (float[])from.Clone();
                    trial[c] += step;
                    var candidate = Evaluate(validation, trial, start.Tau);
                    if (candidate.Accuracy >= minAccuracy - 1e-12 && candidate.BalancedAccuracy > best.BalancedAccuracy + 1e-12)
                    {
                        best = candidate;
                        improved = true;
                    }
                }
            }
            if (!improved)
            {
                break;
            }
        }
        return best;
    }

    /// <summary>The candidate with the best balanced accuracy among those within <paramref name="maxAccuracyLoss"/> of tau = 0.</summary>
    public static BalancingCandidate Choose(IReadOnlyList<BalancingCandidate> candidates, double maxAccuracyLoss)
    {
        var plain = candidates.Single(c => c.Tau == 0);
        return candidates.Where(c => c.Accuracy >= plain.Accuracy - maxAccuracyLoss - 1e-12)
            .OrderByDescending(c => c.BalancedAccuracy).ThenBy(c => c.Tau).First();
    }

    /// <summary>Builds the adjustment into the classifier bias of each network (of an ensemble, whose logits are averaged).</summary>
    public static void Apply(IReadOnlyList<EmotionNet> members, IReadOnlyList<int> trainingCounts, double tau) =>
        Apply(members, Offsets(trainingCounts, tau));

    /// <summary>Adds <paramref name="offsets"/> to the classifier bias of each network, so their mean logits move by them.</summary>
    public static void Apply(IReadOnlyList<EmotionNet> members, IReadOnlyList<float> offsets)
    {
        var shift = offsets.ToArray();
        foreach (var member in members)
        {
            member.Classifier.ShiftBias(shift);
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
