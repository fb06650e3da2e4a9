using FerMusic.Core.Model;

namespace FerMusic.Runtime.Smoothing;

/// <summary>
/// Turns noisy per-frame probabilities into a steady emotion: an exponential moving average of the probabilities,
/// plus hysteresis, so the reported state changes only when a new one has led for <see cref="SmoothingOptions.HoldSeconds"/>.
/// A one-frame spike never flips it; a sustained change does.
/// </summary>
public sealed class EmotionSmoother(int classes, SmoothingOptions? options = null)
{
    private readonly SmoothingOptions _options = options ?? new SmoothingOptions();
    private readonly float[] _average = new float[classes];
    private bool _hasAverage;
    private double _lastFaceAt = double.NegativeInfinity;
    private (EmotionStatus Status, int? Emotion) _candidate = (EmotionStatus.NoFace, null);
    private double _candidateSince;

    public SmoothedState Current { get; private set; } = SmoothedState.NoFace(classes);

    /// <param name="probabilities">The primary face's probabilities (ignored when <paramref name="hasFace"/> is false).</param>
    /// <param name="hasFace">Whether the frame has a face.</param>
    /// <param name="seconds">The frame's time, in seconds from any fixed start.</param>
    /// <returns>True when the reported state changed.</returns>
    public bool Update(ReadOnlySpan<float> probabilities, bool hasFace, double seconds)
    {
        (EmotionStatus Status, int? Emotion) leader;
        if (hasFace)
        {
            _lastFaceAt = seconds;
            Blend(probabilities);
            var best = Probabilities.ArgMax(_average);
            leader = _average[best] >= _options.MinConfidence ? (EmotionStatus.Emotion, best) : (EmotionStatus.Uncertain, null);
        }
        else if (seconds - _lastFaceAt >= _options.NoFaceAfterSeconds)
        {
            _hasAverage = false;
            Array.Clear(_average);
            leader = (EmotionStatus.NoFace, null);
        }
        else
        {
            leader = (Current.Status, Current.Emotion);
        }

        if (leader != _candidate)
        {
            _candidate = leader;
            _candidateSince = seconds;
        }
        var holds = leader.Status == EmotionStatus.NoFace || seconds - _candidateSince >= _options.HoldSeconds;
        var changed = holds && (leader.Status != Current.Status || leader.Emotion != Current.Emotion);
        Current = new SmoothedState(changed ? leader.Status : Current.Status, changed ? leader.Emotion : Current.Emotion, (float[])_average.Clone());
        return changed;
    }

    private void Blend(ReadOnlySpan<float> probabilities)
    {
        if (!_hasAverage)
        {
            probabilities.CopyTo(_average);
            _hasAverage = true;
            return;
        }
        var alpha = (float)_options.Alpha;
        for (var i = 0; i < _average.Length; i++)
        {
            _average[i] += alpha * (probabilities[i] - _average[i]);
        }
    }

}
