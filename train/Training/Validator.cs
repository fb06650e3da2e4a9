using FerMusic.Core.Fer2013;
using FerMusic.Train.Models;
using static TorchSharp.torch;

namespace FerMusic.Train.Training;

/// <summary>Mean cross-entropy and accuracy of a model on a dataset, in inference mode.</summary>
public static class Validator
{
    public static (double Loss, double Accuracy) Evaluate(EmotionNet model, Fer2013Dataset dataset, int batchSize)
    {
        if (dataset.Count == 0)
        {
            return (double.NaN, double.NaN);
        }
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            double lossSum = 0;
            long correct = 0;
            var source = new BatchSource(dataset, batchSize);
            var order = BatchSource.InOrder(dataset.Count);
            for (var batch = 0; batch < source.BatchCount(order.Length); batch++)
            {
                using var scope = NewDisposeScope();
                var (images, labels) = source.Batch(order, batch);
                var logits = model.forward(images);
                lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
                correct += logits.argmax(1).eq(labels).sum().item<long>();
            }
            return (lossSum / dataset.Count, (double)correct / dataset.Count);
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
