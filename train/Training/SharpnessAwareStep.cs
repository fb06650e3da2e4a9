using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerMusic.Train.Training;

/// <summary>
/// Sharpness-aware minimisation (Foret et al., 2021): after the batch's gradient g is known, the weights are moved
/// to w + rho g / |g|, the nearby point where the loss rises fastest; the gradient is computed again there, the
/// weights are put back, and the optimiser steps with that second gradient. The network is pulled towards minima
/// whose neighbourhood is flat as well, which is reported to make it less sensitive to noisy labels. Each step costs a
/// second forward and backward pass. The buffer that keeps the weights is allocated once, not per batch.
/// </summary>
public sealed class SharpnessAwareStep : IDisposable
{
    private readonly double _rho;
    private readonly Parameter[] _parameters;
    private readonly Tensor[] _saved;

    public SharpnessAwareStep(IEnumerable<Parameter> parameters, double rho)
    {
        if (rho <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "The neighbourhood radius must be positive.");
        }
        _rho = rho;
        _parameters = [.. parameters.Where(p => p.requires_grad)];
        _saved = [.. _parameters.Select(p => zeros_like(p))];
    }

    /// <summary>Moves the weights uphill by rho (the L2 norm of all of them together) along the current gradient; returns the gradient's norm.</summary>
    public double Perturb()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var squares = zeros(1);
        foreach (var p in _parameters)
        {
            if (p.grad is { } grad)
            {
                squares.add_(grad.square().sum());
            }
        }
        var norm = Math.Sqrt(squares.item<float>());
        var scale = _rho / (norm + 1e-12);
        for (var i = 0; i < _parameters.Length; i++)
        {
            _saved[i].copy_(_parameters[i]);
            if (_parameters[i].grad is { } grad)
            {
                _parameters[i].add_(grad, alpha: scale);
            }
        }
        return norm;
    }

    /// <summary>Puts the weights back exactly where <see cref="Perturb"/> found them.</summary>
    public void Restore()
    {
        using var noGrad = no_grad();
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].copy_(_saved[i]);
        }
    }

    public void Dispose()
    {
        foreach (var t in _saved)
        {
            t.Dispose();
        }
    }
}
