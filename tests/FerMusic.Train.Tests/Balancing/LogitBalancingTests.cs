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
}
