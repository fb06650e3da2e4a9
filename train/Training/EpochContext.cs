using FerMusic.Core.Fer2013;
using FerMusic.Train.Augmentation;
using FerMusic.Train.Distillation;
using FerMusic.Train.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerMusic.Train.Training;

/// <summary>Everything an epoch of training uses besides its number: the network, its optimiser and the data path.</summary>
internal sealed record EpochContext(
    EmotionNet Model,
    WeightAverage? Average,
    OptimizerHelper Optimizer,
    BatchSource Source,
    TeacherTargets? Teacher,
    BatchAugmenter Augmenter,
    Mixup? Mixup,
    Tensor? ClassWeights,
    Tensor? LogitOffsets,
    SharpnessAwareStep? Sharpness) : IDisposable
{
    public static EpochContext Create(TrainingOptions options, EmotionNet model, WeightAverage? average, OptimizerHelper optimizer,
        Fer2013Dataset train, TeacherTargets? teacher) => new(
        model,
        average,
        optimizer,
        new BatchSource(train, options.BatchSize),
        teacher,
        new BatchAugmenter(options.Augmentation),
        options.MixupAlpha > 0 ? new Mixup(options.MixupAlpha) : null,
        options.ClassWeighting ? tensor(SmoothedCrossEntropy.BalancedWeights(train.ClassCounts())) : null,
        options.LogitAdjustment > 0 ? tensor(SmoothedCrossEntropy.LogitAdjustment(train.ClassCounts(), options.LogitAdjustment)) : null,
        options.Sharpness > 0 ? new SharpnessAwareStep(model.parameters(), options.Sharpness) : null);

    public void Dispose()
    {
        ClassWeights?.Dispose();
        LogitOffsets?.Dispose();
        Sharpness?.Dispose();
    }
}
