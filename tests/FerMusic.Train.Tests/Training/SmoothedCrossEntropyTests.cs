using FerMusic.Train.Training;
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

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(0.1, 0.3)]
    [InlineData(0.1, 1.0)]
    public void A_teacher_blends_its_probabilities_into_the_target(double smoothing, double teacherWeight)
    {
        using var logits = tensor(LogitValues, [2, 7]);
        using var targets = tensor(new long[] { 0, 5 });
        using var teacher = tensor(new float[] { 0.5f, 0.2f, 0, 0, 0, 0.3f, 0, 0, 0, 0, 0.1f, 0, 0.9f, 0 }, [2, 7]);
        using var logProbabilities = nn.functional.log_softmax(logits, 1);
        var soft = -teacher.mul(logProbabilities).sum().item<float>() / 2;
        using var hard = SmoothedCrossEntropy.Loss(logits, targets, smoothing);

        using var loss = SmoothedCrossEntropy.Loss(logits, targets, smoothing, teacher: teacher, teacherWeight: teacherWeight);

        Assert.Equal((1 - teacherWeight) * hard.item<float>() + teacherWeight * soft, loss.item<float>(), 4);
    }

    [Fact]
    public void A_teacher_that_gives_the_label_leaves_the_loss_unchanged()
    {
        using var logits = tensor(LogitValues, [2, 7]);
        using var targets = tensor(new long[] { 0, 5 });
        using var oneHot = nn.functional.one_hot(targets, 7).to(ScalarType.Float32);

        using var plain = SmoothedCrossEntropy.Loss(logits, targets, 0);
        using var distilled = SmoothedCrossEntropy.Loss(logits, targets, 0, teacher: oneHot, teacherWeight: 0.7);

        Assert.Equal(plain.item<float>(), distilled.item<float>(), 5);
    }

    [Fact]
    public void Balanced_weights_are_inverse_to_class_frequency()
    {
        Assert.Equal([5f / 12, 5f / 3, 0f], SmoothedCrossEntropy.BalancedWeights([4, 1, 0]));
    }

    [Fact]
    public void Logit_offsets_are_added_to_the_logits_inside_the_loss()
    {
        using var logits = tensor(LogitValues, [2, 7]);
        using var targets = tensor(new long[] { 0, 5 });
        var offsets = new float[] { 0.3f, -1.2f, 0, 0.5f, 0.1f, -0.4f, 0.2f };
        using var offsetTensor = tensor(offsets);

        using var adjusted = SmoothedCrossEntropy.Loss(logits, targets, 0.1, logitOffsets: offsetTensor);
        using var shifted = SmoothedCrossEntropy.Loss(logits.add(offsetTensor), targets, 0.1);

        Assert.Equal(shifted.item<float>(), adjusted.item<float>(), 6);
    }

    [Fact]
    public void Logit_adjustment_is_tau_times_the_log_of_each_class_share()
    {
        var offsets = SmoothedCrossEntropy.LogitAdjustment([300, 100, 0, 600], 0.5);

        Assert.Equal(0.5 * Math.Log(0.3), offsets[0], 5);
        Assert.Equal(0.5 * Math.Log(0.1), offsets[1], 5);
        Assert.Equal(0.5 * Math.Log(1 / 1000.0), offsets[2], 5);
        Assert.True(offsets[1] < offsets[0] && offsets[0] < offsets[3]);
    }
}
