namespace FerMusic.Core.Imaging;

/// <summary>
/// Resizes 8-bit grey images without aliasing: each axis that shrinks averages the source pixels its output pixel
/// covers (area averaging, like OpenCV's <c>INTER_AREA</c>), each axis that grows interpolates linearly between
/// pixel centres. A same-size resize copies the image exactly.
/// </summary>
public static class GreyResize
{
    /// <param name="source">The source pixels, row after row, <paramref name="sourceStride"/> bytes apart.</param>
    public static void Resize(ReadOnlySpan<byte> source, int sourceWidth, int sourceHeight, int sourceStride,
        Span<byte> destination, int width, int height)
    {
        if (sourceWidth <= 0 || sourceHeight <= 0 || width <= 0 || height <= 0)
        {
            throw new ArgumentException($"Sizes must be positive: {sourceWidth}x{sourceHeight} to {width}x{height}.");
        }
        if (sourceStride < sourceWidth || source.Length < (sourceHeight - 1) * sourceStride + sourceWidth || destination.Length < width * height)
        {
            throw new ArgumentException("A buffer is smaller than its image.");
        }
        var columns = AxisWeights.For(sourceWidth, width);
        var rows = AxisWeights.For(sourceHeight, height);
        // Horizontal pass into a float buffer of height sourceHeight, then the vertical pass.
        var horizontal = new float[sourceHeight * width];
        for (var y = 0; y < sourceHeight; y++)
        {
            var row = source.Slice(y * sourceStride, sourceWidth);
            var output = horizontal.AsSpan(y * width, width);
            for (var x = 0; x < width; x++)
            {
                output[x] = columns.Apply(x, row);
            }
        }
        var column = new float[sourceHeight];
        for (var x = 0; x < width; x++)
        {
            for (var y = 0; y < sourceHeight; y++)
            {
                column[y] = horizontal[y * width + x];
            }
            for (var y = 0; y < height; y++)
            {
                destination[y * width + x] = (byte)Math.Clamp(MathF.Round(rows.Apply(y, column)), 0, 255);
            }
        }
    }

    /// <summary>Mirrors an image left to right.</summary>
    public static void MirrorHorizontally(ReadOnlySpan<byte> source, int width, int height, Span<byte> destination)
    {
        for (var y = 0; y < height; y++)
        {
            var from = source.Slice(y * width, width);
            var to = destination.Slice(y * width, width);
            for (var x = 0; x < width; x++)
            {
                to[width - 1 - x] = from[x];
            }
        }
    }

    /// <summary>For every output position along one axis, the source positions it reads and their weights.</summary>
    private sealed class AxisWeights
    {
        private readonly int[] _first;
        private readonly int[] _count;
        private readonly float[][] _weights;

        private AxisWeights(int outputs)
        {
            _first = new int[outputs];
            _count = new int[outputs];
            _weights = new float[outputs][];
        }

        public static AxisWeights For(int sourceLength, int length)
        {
            var axis = new AxisWeights(length);
            var scale = (double)sourceLength / length;
            for (var i = 0; i < length; i++)
            {
                if (scale >= 1)
                {
                    // The output pixel covers [i*scale, (i+1)*scale) of the source: weight each source pixel by its overlap.
                    var start = i * scale;
                    var end = Math.Min(sourceLength, (i + 1) * scale);
                    var first = (int)Math.Floor(start);
                    var last = Math.Min(sourceLength - 1, (int)Math.Ceiling(end) - 1);
                    var weights = new float[last - first + 1];
                    for (var s = first; s <= last; s++)
                    {
                        weights[s - first] = (float)((Math.Min(end, s + 1) - Math.Max(start, s)) / scale);
                    }
                    axis.Set(i, first, weights);
                }
                else
                {
                    var centre = Math.Clamp((i + 0.5) * scale - 0.5, 0, sourceLength - 1);
                    var left = (int)centre;
                    var right = Math.Min(left + 1, sourceLength - 1);
                    var t = (float)(centre - left);
                    axis.Set(i, left, right == left ? [1f] : [1 - t, t]);
                }
            }
            return axis;
        }

        private void Set(int output, int first, float[] weights)
        {
            _first[output] = first;
            _count[output] = weights.Length;
            _weights[output] = weights;
        }

        /// <summary>The weighted sum of the source values output <paramref name="output"/> reads from <paramref name="line"/>.</summary>
        public float Apply<T>(int output, ReadOnlySpan<T> line) where T : System.Numerics.INumberBase<T>
        {
            var weights = _weights[output];
            var values = line.Slice(_first[output], _count[output]);
            var sum = 0f;
            for (var k = 0; k < weights.Length; k++)
            {
                sum += float.CreateTruncating(values[k]) * weights[k];
            }
            return sum;
        }
    }
}
