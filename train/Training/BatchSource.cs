using FerMusic.Core;
using FerMusic.Core.Fer2013;
using FerMusic.Core.Model;
using FerMusic.Train.Distillation;
using static TorchSharp.torch;

namespace FerMusic.Train.Training;

/// <summary>
/// Turns images of a dataset into model-input batches with the shared <see cref="ModelInput"/>, reusing one
/// buffer for every batch: a batch's tensors are valid until the next batch is taken. Call it inside the
/// caller's dispose scope so that the tensors are freed with it.
/// </summary>
public sealed class BatchSource(Fer2013Dataset dataset, int batchSize)
{
    private readonly float[] _pixels = new float[batchSize * ModelContract.PixelsPerImage];
    private readonly long[] _labels = new long[batchSize];
    private float[]? _targets;

    public int BatchSize => batchSize;

    public int ImageCount => dataset.Count;

    public int BatchCount(int count) => (count + batchSize - 1) / batchSize;

    /// <summary>Batch number <paramref name="batch"/> of the images in <paramref name="order"/>.</summary>
    public (Tensor Images, Tensor Labels) Batch(IReadOnlyList<int> order, int batch)
    {
        var start = batch * batchSize;
        var size = Math.Min(batchSize, order.Count - start);
        for (var i = 0; i < size; i++)
        {
            var index = order[start + i];
            ModelInput.Write(dataset.Image(index), _pixels.AsSpan(i * ModelContract.PixelsPerImage, ModelContract.PixelsPerImage));
            _labels[i] = (long)dataset.Label(index);
        }
        var images = tensor(_pixels, [batchSize, 1, ModelContract.ImageSize, ModelContract.ImageSize]);
        var labels = tensor(_labels, [batchSize]);
        return size == batchSize ? (images, labels) : (images.narrow(0, 0, size), labels.narrow(0, 0, size));
    }

    /// <summary>
    /// The teacher's soft targets of the images of batch number <paramref name="batch"/>, as a [size, classes] tensor;
    /// <paramref name="teacher"/> must hold targets for this source's dataset (the trainer checks it once).
    /// </summary>
    public Tensor SoftTargets(IReadOnlyList<int> order, int batch, TeacherTargets teacher)
    {
        var classes = EmotionLabels.Count;
        _targets ??= new float[batchSize * classes];
        var start = batch * batchSize;
        var size = Math.Min(batchSize, order.Count - start);
        for (var i = 0; i < size; i++)
        {
            teacher.Of(order[start + i]).CopyTo(_targets.AsSpan(i * classes, classes));
        }
        var targets = tensor(_targets, [batchSize, classes]);
        return size == batchSize ? targets : targets.narrow(0, 0, size);
    }

    public static int[] InOrder(int count) => Enumerable.Range(0, count).ToArray();

    /// <summary>A permutation that depends only on the seed.</summary>
    public static int[] Shuffled(int count, int seed)
    {
        var order = InOrder(count);
        new Random(seed).Shuffle(order);
        return order;
    }
}
