using System.Numerics;

namespace FerMusic.Core.Imaging;

/// <summary>
/// An affine map from output pixels to a source image: output point (u, v), in continuous output coordinates,
/// comes from source point <c>Origin + u * AxisU + v * AxisV</c>. The length of each axis is the number of
/// source pixels one output pixel spans.
/// </summary>
public readonly record struct AffineSampling(Vector2 Origin, Vector2 AxisU, Vector2 AxisV)
{
    public Vector2 Map(float u, float v) => Origin + u * AxisU + v * AxisV;

    /// <summary>Output (u, v) to source: scaled by <paramref name="scale"/>, turned by <paramref name="angle"/> (radians), <paramref name="outputAnchor"/> landing on <paramref name="sourceAnchor"/>.</summary>
    public static AffineSampling Similarity(Vector2 outputAnchor, Vector2 sourceAnchor, float scale, float angle)
    {
        var axisU = new Vector2(MathF.Cos(angle), MathF.Sin(angle)) * scale;
        var axisV = new Vector2(-axisU.Y, axisU.X);
        return new AffineSampling(sourceAnchor - outputAnchor.X * axisU - outputAnchor.Y * axisV, axisU, axisV);
    }
}

/// <summary>
/// Samples a grey image through an <see cref="AffineSampling"/> without aliasing: each output pixel averages an
/// n x n grid of bilinear samples spread over the source area it covers, n being the number of source pixels it
/// spans (rounded up, at most 8). Points outside the source repeat its edge pixels. A one-to-one map copies pixels
/// exactly; an axis-aligned shrink by a whole factor averages exactly the pixels each output pixel covers.
/// </summary>
public static class GreyWarp
{
    public const int MaxSamplesPerAxis = 8;

    public static void Sample(ReadOnlySpan<byte> source, int width, int height, int stride, AffineSampling map,
        Span<byte> destination, int outputWidth, int outputHeight)
    {
        if (width <= 0 || height <= 0 || outputWidth <= 0 || outputHeight <= 0)
        {
            throw new ArgumentException($"Sizes must be positive: {width}x{height} to {outputWidth}x{outputHeight}.");
        }
        if (stride < width || source.Length < (height - 1) * stride + width || destination.Length < outputWidth * outputHeight)
        {
            throw new ArgumentException("A buffer is smaller than its image.");
        }
        var n = Math.Clamp((int)MathF.Ceiling(Math.Max(map.AxisU.Length(), map.AxisV.Length()) - 1e-3f), 1, MaxSamplesPerAxis);
        var stepU = map.AxisU / n;
        var stepV = map.AxisV / n;
        var weight = 1f / (n * n);
        for (var v = 0; v < outputHeight; v++)
        {
            for (var u = 0; u < outputWidth; u++)
            {
                // The first sub-sample's centre, shifted by half a pixel so that bilinear weights refer to pixel centres.
                var first = map.Map(u + 0.5f / n, v + 0.5f / n) - new Vector2(0.5f, 0.5f);
                var sum = 0f;
                for (var j = 0; j < n; j++)
                {
                    var point = first + j * stepV;
                    for (var i = 0; i < n; i++, point += stepU)
                    {
                        sum += Bilinear(source, width, height, stride, point.X, point.Y);
                    }
                }
                destination[v * outputWidth + u] = (byte)Math.Clamp(MathF.Round(sum * weight), 0, 255);
            }
        }
    }

    private static float Bilinear(ReadOnlySpan<byte> source, int width, int height, int stride, float x, float y)
    {
        x = Math.Clamp(x, 0, width - 1);
        y = Math.Clamp(y, 0, height - 1);
        var x0 = (int)x;
        var y0 = (int)y;
        var x1 = Math.Min(x0 + 1, width - 1);
        var y1 = Math.Min(y0 + 1, height - 1);
        var wx = x - x0;
        var wy = y - y0;
        var top = source[y0 * stride + x0] + (source[y0 * stride + x1] - source[y0 * stride + x0]) * wx;
        var bottom = source[y1 * stride + x0] + (source[y1 * stride + x1] - source[y1 * stride + x0]) * wx;
        return top + (bottom - top) * wy;
    }
}
