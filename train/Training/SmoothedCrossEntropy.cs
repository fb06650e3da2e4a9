using static TorchSharp.torch;

namespace FerMusic.Train.Training;

/// <summary>
/// Cross-entropy with label smoothing and optional per-class weights, computed from log-softmax, so that one
/// function also takes soft targets: with a teacher's (or FER+'s) probabilities it is the distillation loss, the
/// target distribution blending the smoothed label with them.
/// With logit offsets (see <see cref="LogitAdjustment"/>) it is the logit-adjusted loss of Menon et al. (2021).
/// </summary>
public static class SmoothedCrossEntropy
{
    /// <param name="teacher">Soft targets [N, classes] (rows summing to 1), or null for none.</param>
    /// <param name="teacherWeight">Weight of the soft targets against the smoothed label, 0..1.</param>
    /// <param name="logitOffsets">Added to every row of logits before the loss ([classes]), or null.</param>
    public static Tensor Loss(Tensor logits, Tensor targets, double smoothing, Tensor? classWeights = null,
        Tensor? teacher = null, double teacherWeight = 0, Tensor? logitOffsets = null)
    {
        var logProbabilities = nn.functional.log_softmax(logitOffsets is null ? logits : logits.add(logitOffsets), 1);
        var nll = logProbabilities.gather(1, targets.unsqueeze(1)).squeeze(1).neg();
        var perSample = smoothing > 0
            ? nll.mul(1 - smoothing).add_(logProbabilities.mean([1]).neg().mul_(smoothing))
            : nll;
        if (teacher is not null && teacherWeight > 0)
        {
            var soft = teacher.mul(logProbabilities).sum([1]).neg();
            perSample = perSample.mul(1 - teacherWeight).add_(soft, alpha: teacherWeight);
        }
        if (classWeights is null)
        {
            return perSample.mean();
        }
        var weights = classWeights.index_select(0, targets);
        return perSample.mul(weights).sum().div(weights.sum());
    }

    /// <summary>
    /// Logit adjustment (Menon et al., "Long-tail learning via logit adjustment", 2021): offsets tau * log(prior) added
    /// to the logits in the loss only, so the trained network's own outputs favour rare classes as much as a
    /// class-balanced classifier would (tau = 1) or part of the way (tau &lt; 1).
    /// </summary>
    public static float[] LogitAdjustment(IReadOnlyList<int> classCounts, double tau)
    {
        var total = (double)classCounts.Sum();
        return [.. classCounts.Select(n => (float)(tau * Math.Log(Math.Max(n, 1) / total)))];
    }

    /// <summary>Balanced weights N / (K * n_c), so every class contributes equally on average.</summary>
    public static float[] BalancedWeights(IReadOnlyList<int> classCounts)
    {
        var total = classCounts.Sum();
        return classCounts.Select(n => n == 0 ? 0f : (float)total / (classCounts.Count * n)).ToArray();
    }
}
