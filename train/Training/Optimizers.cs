using FerMusic.Core.Cli;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerMusic.Train.Training;

/// <summary>Builds the optimizer the options ask for over a model's parameters.</summary>
public static class Optimizers
{
    public static OptimizerHelper Create(TrainingOptions options, IEnumerable<Parameter> parameters) => options.Optimizer switch
    {
        OptimizerKind.AdamW => optim.AdamW(parameters, options.LearningRate, weight_decay: options.WeightDecay),
        OptimizerKind.Sgd => optim.SGD(parameters, options.LearningRate, momentum: NesterovMomentum(options.Momentum),
            weight_decay: options.WeightDecay, nesterov: true),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, "Unknown optimizer."),
    };

    // libtorch refuses Nesterov without momentum with a native error; say what is wrong instead.
    private static double NesterovMomentum(double momentum) => momentum is > 0 and < 1
        ? momentum
        : throw new UserErrorException($"Nesterov momentum (--momentum) must be between 0 and 1, exclusive; got {momentum}.");
}
