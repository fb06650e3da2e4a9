using FerMusic.Core.Model;
using static TorchSharp.torch;

namespace FerMusic.Train.Augmentation;

/// <summary>
/// Random augmentation of a whole batch [B,1,48,48] of raw grey values 0..255 at once, drawn from one seeded
/// generator so that a seed always gives the same batch. Output values stay within 0..255.
/// </summary>
public sealed class BatchAugmenter(AugmentationOptions options)
{
    private const int Side = ModelContract.ImageSize;
    private const double Centre = (Side - 1) / 2.0;

    public AugmentationOptions Options { get; } = options;

    public Tensor Apply(Tensor batch, Generator generator)
    {
        var x = batch;
        if (Options.FlipProbability > 0)
        {
            x = Flip(x, generator);
        }
        if (Options.IsGeometric)
        {
            x = Warp(x, generator);
        }
        if (Options.Brightness > 0 || Options.Contrast > 0)
        {
            x = Photometric(x, generator);
        }
        if (Options.ErasingProbability > 0)
        {
            x = Erase(x, generator);
        }
        return x;
    }

    /// <summary>Uniform values in [-1, 1), one per image.</summary>
    private static Tensor Symmetric(long count, Generator generator) => rand(count, generator: generator).mul_(2).sub_(1);

    private Tensor Flip(Tensor x, Generator generator)
    {
        var chosen = rand(x.shape[0], generator: generator).lt(Options.FlipProbability).view(-1, 1, 1, 1);
        return where(chosen, x.flip(3), x);
    }

    /// <summary>
    /// Shift, rotation, zoom and aspect stretch as one affine resampling with bilinear interpolation and reflection at the borders.
    /// Whole-pixel shifts without rotation or zoom copy pixels exactly.
    /// </summary>
    private Tensor Warp(Tensor x, Generator generator)
    {
        var count = x.shape[0];
        var angle = Symmetric(count, generator).mul_(Options.MaxRotationDegrees * Math.PI / 180).view(-1, 1, 1);
        var zoom = Symmetric(count, generator).mul_(Options.MaxScale).add_(1).view(-1, 1, 1);
        var shiftX = randint(-Options.MaxShift, Options.MaxShift + 1, [count], generator: generator).to(ScalarType.Float32).view(-1, 1, 1);
        var shiftY = randint(-Options.MaxShift, Options.MaxShift + 1, [count], generator: generator).to(ScalarType.Float32).view(-1, 1, 1);
        var zoomX = zoom;
        var zoomY = zoom;
        if (Options.MaxAspect > 0)
        {
            var stretch = Symmetric(count, generator).mul_(Math.Log(1 + Options.MaxAspect)).exp_().view(-1, 1, 1);
            zoomX = zoom.mul(stretch);
            zoomY = zoom.div(stretch);
        }

        var axis = arange(Side, dtype: ScalarType.Float32).sub_(Centre);
        var cols = axis.view(1, 1, Side);
        var rows = axis.view(1, Side, 1);
        var cos = angle.cos();
        var sin = angle.sin();
        var sourceX = (cos * cols + sin * rows).div_(zoomX).add_(Centre).sub_(shiftX);
        var sourceY = (cos * rows - sin * cols).div_(zoomY).add_(Centre).sub_(shiftY);
        return Sample(x, Reflect(sourceX), Reflect(sourceY));
    }

    /// <summary>Folds coordinates back into [0, Side-1] the way reflect padding does.</summary>
    private static Tensor Reflect(Tensor coordinate)
    {
        const double period = 2.0 * (Side - 1);
        var folded = coordinate.abs().remainder_(period);
        return where(folded.gt(Side - 1), folded.neg().add_(period), folded);
    }

    private static Tensor Sample(Tensor x, Tensor sourceX, Tensor sourceY)
    {
        var count = x.shape[0];
        var x0 = sourceX.floor().clamp_(0, Side - 1);
        var y0 = sourceY.floor().clamp_(0, Side - 1);
        var wx = sourceX - x0;
        var wy = sourceY - y0;
        var x1 = (x0 + 1).clamp_(max: Side - 1);
        var y1 = (y0 + 1).clamp_(max: Side - 1);
        var flat = x.reshape(count, Side * Side);

        Tensor Gather(Tensor ys, Tensor xs) =>
            flat.gather(1, (ys * Side + xs).to(ScalarType.Int64).reshape(count, Side * Side)).view(count, Side, Side);

        var top = Gather(y0, x0).mul(1 - wx).add_(Gather(y0, x1).mul(wx));
        var bottom = Gather(y1, x0).mul(1 - wx).add_(Gather(y1, x1).mul(wx));
        return top.mul_(1 - wy).add_(bottom.mul_(wy)).view(count, 1, Side, Side);
    }

    private Tensor Photometric(Tensor x, Generator generator)
    {
        var count = x.shape[0];
        var contrast = Symmetric(count, generator).mul_(Options.Contrast).add_(1).view(-1, 1, 1, 1);
        var brightness = Symmetric(count, generator).mul_(Options.Brightness * 255).view(-1, 1, 1, 1);
        var mean = x.mean([1, 2, 3], keepdim: true);
        return x.sub(mean).mul_(contrast).add_(mean).add_(brightness).clamp_(0, 255);
    }

    /// <summary>Random erasing: with the set probability, a rectangle of 2-20% of the image becomes uniform noise.</summary>
    private Tensor Erase(Tensor x, Generator generator)
    {
        var count = x.shape[0];
        var chosen = rand(count, generator: generator).lt(Options.ErasingProbability);
        var area = rand(count, generator: generator).mul_(0.18).add_(0.02).mul_(Side * Side);
        var aspect = rand(count, generator: generator).mul_(Math.Log(3.3 / 0.3)).add_(Math.Log(0.3)).exp_();
        var height = area.mul(aspect).sqrt_().round_().clamp_(1, Side);
        var width = area.div(aspect).sqrt_().round_().clamp_(1, Side);
        var top = rand(count, generator: generator).mul_(Side - height + 1).floor_();
        var left = rand(count, generator: generator).mul_(Side - width + 1).floor_();
        var noise = rand([count, 1, Side, Side], generator: generator).mul_(255);

        var index = arange(Side, dtype: ScalarType.Float32);
        var rowsIn = index.view(1, Side).ge(top.view(-1, 1)).logical_and_(index.view(1, Side).lt(top.add(height).view(-1, 1)));
        var colsIn = index.view(1, Side).ge(left.view(-1, 1)).logical_and_(index.view(1, Side).lt(left.add(width).view(-1, 1)));
        var mask = rowsIn.view(count, 1, Side, 1).logical_and(colsIn.view(count, 1, 1, Side)).logical_and_(chosen.view(-1, 1, 1, 1));
        return where(mask, noise, x);
    }
}
