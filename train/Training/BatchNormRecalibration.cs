using FerMusic.Core.Fer2013;
using FerMusic.Train.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerMusic.Train.Training;

/// <summary>
/// Recomputes a network's batch-norm statistics from clean training images. During training they come from the
/// augmented (and, with mixup, blended) batches of the live weights; the exported network sees clean faces through
/// its averaged weights, so statistics measured on exactly that are the ones it should normalise with.
/// </summary>
public static class BatchNormRecalibration
{
    /// <param name="images">The images to measure on, in order (e.g. the first N Training images).</param>
    public static void Run(EmotionNet model, Fer2013Dataset images, int batchSize)
    {
        var norms = model.modules().OfType<BatchNorm2d>().ToArray();
        if (norms.Length == 0 || images.Count == 0)
        {
            return;
        }
        var wasTraining = model.training;
        var momenta = norms.Select(n => n.momentum).ToArray();
        try
        {
            // Train mode without gradients: only the running statistics change. Dropout is active too, but in every
            // architecture with batch norm it comes after the last one, so it changes nothing here.
            model.train();
            using var noGrad = no_grad();
            foreach (var norm in norms)
            {
                norm.reset_running_stats();
            }
            var source = new BatchSource(images, batchSize);
            var order = BatchSource.InOrder(images.Count);
            var batches = source.BatchCount(order.Length);
            for (var batch = 0; batch < batches; batch++)
            {
                // Weight 1/(k+1) for the k-th batch: the running statistics become the plain mean over all batches.
                foreach (var norm in norms)
                {
                    norm.momentum = 1.0 / (batch + 1);
                }
                using var scope = NewDisposeScope();
                var (batchImages, _) = source.Batch(order, batch);
                model.forward(batchImages);
            }
        }
        finally
        {
            foreach (var (norm, momentum) in norms.Zip(momenta))
            {
                norm.momentum = momentum;
            }
            model.train(wasTraining);
        }
    }
}
