using FerMusic.Core;
using FerMusic.Core.Fer2013;
using FerMusic.Train.Balancing;
using FerMusic.Train.Models;
using static TorchSharp.torch;

namespace FerMusic.Train.Tests.Balancing;

public sealed class LogitBalancingTests
{
    private static BalancingCandidate Candidate(double tau, double accuracy, double balanced) => new(tau, accuracy, balanced, 0, []);

    [Fact]
    public void The_strongest_balance_within_the_allowed_accuracy_loss_is_chosen()
    {
        BalancingCandidate[] candidates =
        [
            Candidate(0, 0.700, 0.650),
            Candidate(0.5, 0.695, 0.660),
            Candidate(0.7, 0.691, 0.668),
            Candidate(1, 0.680, 0.690),
        ];

        Assert.Equal(0.7, LogitBalancing.Choose(candidates, 0.01).Tau);
        Assert.Equal(1, LogitBalancing.Choose(candidates, 0.02).Tau);
        Assert.Equal(0, LogitBalancing.Choose(candidates, 0).Tau);
    }

    [Fact]
    public void Applying_it_moves_every_logit_by_minus_tau_times_the_log_class_share()
    {
        manual_seed(3);
        using var model = Architectures.Get("vgg").Create(EmotionLabels.Count);
        model.eval();
        int[] counts = [400, 50, 400, 700, 500, 300, 500];
        using var faces = rand(4, 1, 48, 48).mul_(255);
        using var noGrad = no_grad();
        using var before = model.forward(faces);

        LogitBalancing.Apply([model], counts, 0.6);

        using var after = model.forward(faces);
        var shift = after.sub(before).data<float>().ToArray();
        for (var c = 0; c < EmotionLabels.Count; c++)
        {
            Assert.Equal(-0.6 * Math.Log(counts[c] / (double)counts.Sum()), shift[c], 4);
            Assert.Equal(shift[c], shift[2 * EmotionLabels.Count + c], 4);
        }
    }

    [Fact]
    public void Scoring_a_network_counts_what_each_tau_predicts()
    {
        manual_seed(5);
        using var model = Architectures.Get("vgg").Create(EmotionLabels.Count);
        var faces = SyntheticFaces.Create(6, Fer2013Split.PublicTest, seed: 2);

        var candidates = LogitBalancing.Score(model, faces, [4000, 400, 4000, 7000, 5000, 3000, 5000]);

        Assert.Equal(LogitBalancing.Grid, candidates.Select(c => c.Tau));
        Assert.All(candidates, c =>
        {
            Assert.InRange(c.Accuracy, 0, 1);
            Assert.Equal(c.Recall.Average(), c.BalancedAccuracy, 9);
            Assert.Equal(EmotionLabels.Count, c.Recall.Count);
        });
    }

    /// <summary>
    /// Three classes: <paramref name="closeZeros"/> class-0 rows whose class-1 logit is 0.1 short of winning and
    /// 50 - closeZeros that are far from it, 10 class-1 rows that lose to class 0 by 0.2, 10 clear class-2 rows.
    /// </summary>
    private static ValidationLogits ThreeClasses(int closeZeros)
    {
        var rows = new List<(float[] Logits, int Truth)>();
        rows.AddRange(Enumerable.Repeat((new[] { 1f, 0.9f, 0f }, 0), closeZeros));
        rows.AddRange(Enumerable.Repeat((new[] { 1f, 0.5f, 0f }, 0), 50 - closeZeros));
        rows.AddRange(Enumerable.Repeat((new[] { 1f, 0.8f, 0f }, 1), 10));
        rows.AddRange(Enumerable.Repeat((new[] { 0f, 0f, 1f }, 2), 10));
        return new ValidationLogits([.. rows.SelectMany(r => r.Logits)], [.. rows.Select(r => r.Truth)]);
    }

    [Fact]
    public void Evaluating_offsets_counts_the_decisions_they_make()
    {
        var validation = ThreeClasses(closeZeros: 20);

        var plain = LogitBalancing.Evaluate(validation, [0f, 0f, 0f], tau: 0);
        var shifted = LogitBalancing.Evaluate(validation, [0f, 0.25f, 0f], tau: 0);

        Assert.Equal([1.0, 0.0, 1.0], plain.Recall);
        Assert.Equal(60 / 70.0, plain.Accuracy, 9);
        Assert.Equal([30 / 50.0, 1.0, 1.0], shifted.Recall);
        Assert.Equal(50 / 70.0, shifted.Accuracy, 9);
        Assert.Equal([0f, 0.25f, 0f], shifted.Offsets);
    }

    [Fact]
    public void Evaluating_logits_that_do_not_fit_the_classes_is_refused()
    {
        var validation = new ValidationLogits(new float[10], new int[4]);

        var error = Assert.Throws<ArgumentException>(() => LogitBalancing.Evaluate(validation, [0f, 0f, 0f], tau: 0));

        Assert.Contains("10 logits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refining_raises_an_unrecognised_class_when_it_costs_no_accuracy()
    {
        var validation = ThreeClasses(closeZeros: 0);
        var start = LogitBalancing.Evaluate(validation, [0f, 0f, 0f], tau: 0);

        var refined = LogitBalancing.Refine(validation, start, minAccuracy: start.Accuracy);

        Assert.Equal(1.0, refined.BalancedAccuracy, 9);
        Assert.Equal(1.0, refined.Accuracy, 9);
        Assert.InRange(refined.Offsets[1] - refined.Offsets[0], 0.2f + 1e-4f, 0.5f - 1e-4f);
    }

    [Theory]
    [InlineData(0.85, false)]
    [InlineData(0.70, true)]
    public void Refining_keeps_the_accuracy_floor(double minAccuracy, bool moves)
    {
        var validation = ThreeClasses(closeZeros: 20);
        var start = LogitBalancing.Evaluate(validation, [0f, 0f, 0f], tau: 0);

        var refined = LogitBalancing.Refine(validation, start, minAccuracy);

        Assert.True(refined.Accuracy >= minAccuracy);
        Assert.Equal(moves, refined.BalancedAccuracy > start.BalancedAccuracy);
        Assert.Equal(moves ? 1.0 : 0.0, refined.Recall[1], 9);
    }
}
