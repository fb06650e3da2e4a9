using FerMusic.Train.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FerMusic.Train.Tests.Training;

public sealed class SmoothedCrossEntropyTests
{
    private static readonly float[] LogitValues = [2, 0.5f, -1, 0, 1, 3, -0.5f, 0.2f, 1.5f, 0, 0, -2, 0.3f, 0.7f];

    [Fact]
    public void Without_smoothing_it_is_the_usual_cross_entropy()
    {
        using var logits = tensor(LogitValues, [2, 7]);
        using var targets = tensor(new long[] { 0, 5 });

        using var ours = SmoothedCrossEntropy.Loss(logits, targets, 0);
        using var torchs = nn.functional.cross_entropy(logits, targets);

        Assert.Equal(torchs.item<float>(), ours.item<float>(), 5);
    }

    [Fact]
    public void Smoothing_mixes_in_the_mean_over_all_classes()
    {
        using var logits = tensor(LogitValues, [2, 7]);
        using var targets = tensor(new long[] { 0, 5 });
        using var logProbabilities = nn.functional.log_softmax(logits, 1);
        var nll = -(logProbabilities[0, 0].item<float>() + logProbabilities[1, 5].item<float>()) / 2;
        var uniform = -logProbabilities.mean().item<float>();

        using var loss = SmoothedCrossEntropy.Loss(logits, targets, 0.1);

        Assert.Equal(0.9 * nll + 0.1 * uniform, loss.item<float>(), 5);
    }

    [Fact]
    public void Class_weights_weight_each_sample_by_its_class()
    {
        using var logits = tensor(LogitValues, [2, 7]);
        using var targets = tensor(new long[] { 0, 5 });
        using var weights = tensor(new float[] { 3, 1, 1, 1, 1, 0, 1 });

        using var weighted = SmoothedCrossEntropy.Loss(logits, targets, 0, weights);
        using var firstOnly = SmoothedCrossEntropy.Loss(logits[..1], targets[..1], 0);

        Assert.Equal(firstOnly.item<float>(), weighted.item<float>(), 5);
    }

    [Fact]
    public void Balanced_weights_are_inverse_to_class_frequency()
    {
        Assert.Equal([5f / 12, 5f / 3, 0f], SmoothedCrossEntropy.BalancedWeights([4, 1, 0]));
    }
}
