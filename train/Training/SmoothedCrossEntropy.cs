using TorchSharp;
using static TorchSharp.torch;

namespace FerMusic.Train.Training;

/// <summary>
/// Cross-entropy with label smoothing and optional per-class weights, computed from log-softmax
/// (TorchSharp's cross_entropy does not apply label smoothing).
/// </summary>
public static class SmoothedCrossEntropy
{
    public static Tensor Loss(Tensor logits, Tensor targets, double smoothing, Tensor? classWeights = null)
    {
        var logProbabilities = nn.functional.log_softmax(logits, 1);
        var nll = logProbabilities.gather(1, targets.unsqueeze(1)).squeeze(1).neg();
        var perSample = smoothing > 0
            ? nll.mul(1 - smoothing).add_(logProbabilities.mean([1]).neg().mul_(smoothing))
            : nll;
        if (classWeights is null)
        {
            return perSample.mean();
        }
        var weights = classWeights.index_select(0, targets);
        return perSample.mul(weights).sum().div(weights.sum());
    }

    /// <summary>Balanced weights N / (K * n_c), so every class contributes equally on average.</summary>
    public static float[] BalancedWeights(IReadOnlyList<int> classCounts)
    {
        var total = classCounts.Sum();
        return classCounts.Select(n => n == 0 ? 0f : (float)total / (classCounts.Count * n)).ToArray();
    }
}
