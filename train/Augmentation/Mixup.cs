using TorchSharp;
using static TorchSharp.torch;

namespace FerMusic.Train.Augmentation;

/// <summary>
/// Mixup (Zhang et al., 2018): every image of a batch is blended with a partner from the same batch,
/// <c>w·x + (1−w)·x_partner</c> with one weight w ~ Beta(α, α) per batch, and the loss is blended with the same
/// weight. It keeps the network from becoming over-confident on FER2013's noisy labels.
/// </summary>
public sealed class Mixup
{
    private readonly double _alpha;

    public Mixup(double alpha)
    {
        if (!(alpha > 0) || double.IsInfinity(alpha))
        {
            throw new ArgumentException($"The mixup alpha must be a positive number, got {alpha}.");
        }
        _alpha = alpha;
    }

    /// <summary>Blends the batch with a random permutation of itself, drawn from <paramref name="generator"/>.</summary>
    public MixedBatch Apply(Tensor images, Tensor labels, Generator generator)
    {
        // A random permutation as the order of uniform draws.
        var partners = rand(images.shape[0], generator: generator).argsort();
        var weight = SampleWeight(generator);
        var mixed = images.mul(weight).add_(images.index_select(0, partners), alpha: 1 - weight);
        return new MixedBatch(mixed, labels, partners, weight);
    }

    /// <summary>
    /// Beta sampling advances its generator by a varying amount, so it draws from a generator of its own, seeded from
    /// <paramref name="generator"/>: the batches after it stay reproducible.
    /// </summary>
    private double SampleWeight(Generator generator)
    {
        using var seed = randint(0, int.MaxValue, [1], generator: generator);
        using var own = new Generator((ulong)seed.item<long>());
        using var concentration = tensor(_alpha);
        using var beta = distributions.Beta(concentration, concentration, own);
        using var sample = beta.sample();
        return sample.ToDouble();
    }
}

/// <summary>
/// A mixed batch: image i blended as <c>Weight·image[i] + (1−Weight)·image[Partners[i]]</c>, with the labels of
/// the unmixed batch.
/// </summary>
public readonly record struct MixedBatch(Tensor Images, Tensor Labels, Tensor Partners, double Weight)
{
    public Tensor PartnerLabels => Labels.index_select(0, Partners);

    /// <summary>
    /// The loss of the blend: the loss against each image's own targets and against its partner's, weighted like
    /// the images. The targets are the labels and, when distilling, the soft targets [N, classes] of the unmixed batch.
    /// </summary>
    public Tensor Loss(Func<Tensor, Tensor?, Tensor> lossAgainst, Tensor? softTargets = null) =>
        lossAgainst(Labels, softTargets).mul(Weight)
            .add_(lossAgainst(PartnerLabels, softTargets?.index_select(0, Partners)), alpha: 1 - Weight);

    /// <summary>Correct predictions counted with the same weights (a prediction can match either label).</summary>
    public double Correct(Tensor predictions) =>
        Weight * predictions.eq(Labels).sum().ToDouble() + (1 - Weight) * predictions.eq(PartnerLabels).sum().ToDouble();
}
