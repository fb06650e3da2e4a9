using FerMusic.Core;
using FerMusic.Train.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerMusic.Train.Training;

/// <summary>
/// An exponential moving average of a model's weights (batch-norm statistics are copied as they are).
/// Validating and exporting the average instead of the last weights gives a smoother, usually better model.
/// </summary>
public sealed class WeightAverage : IDisposable
{
    private readonly double _decay;
    private readonly Parameter[] _averaged;
    private readonly Parameter[] _source;
    private readonly Tensor[] _averagedBuffers;
    private readonly Tensor[] _sourceBuffers;

    public WeightAverage(EmotionNet source, double decay)
    {
        _decay = decay;
        Model = Architectures.Get(source.Architecture).Create(EmotionLabels.Count);
        Model.eval();
        _averaged = [.. Model.parameters()];
        _source = [.. source.parameters()];
        _averagedBuffers = [.. Model.buffers()];
        _sourceBuffers = [.. source.buffers()];
        CopyFrom(source);
    }

    public EmotionNet Model { get; }

    public void CopyFrom(EmotionNet source)
    {
        using var noGrad = no_grad();
        foreach (var (to, from) in _averaged.Zip(_source))
        {
            to.copy_(from);
        }
        CopyBuffers();
    }

    /// <param name="step">0-based optimizer step; early steps average over fewer of them, as they should.</param>
    public void Update(long step)
    {
        var decay = Math.Min(_decay, (1.0 + step) / (10.0 + step));
        using var noGrad = no_grad();
        using var weight = tensor((float)(1 - decay));
        foreach (var (to, from) in _averaged.Zip(_source))
        {
            to.lerp_(from, weight);
        }
        CopyBuffers();
    }

    private void CopyBuffers()
    {
        foreach (var (to, from) in _averagedBuffers.Zip(_sourceBuffers))
        {
            to.copy_(from);
        }
    }

    public void Dispose() => Model.Dispose();
}
