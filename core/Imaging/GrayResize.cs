namespace FerMusic.Core.Imaging;

/// <summary>Resizes 8-bit grey images with bilinear interpolation (pixel centres aligned, edges clamped).</summary>
public static class GrayResize
{
    /// <param name="source">The source pixels, row after row, <paramref name="sourceStride"/> bytes apart.</param>
    public static void Bilinear(ReadOnlySpan<byte> source, int sourceWidth, int sourceHeight, int sourceStride,
        Span<byte> destination, int width, int height)
    {
        if (sourceWidth <= 0 || sourceHeight <= 0 || width <= 0 || height <= 0)
        {
            throw new ArgumentException($"Sizes must be positive: {sourceWidth}x{sourceHeight} to {width}x{height}.");
        }
        if (source.Length < (sourceHeight - 1) * sourceStride + sourceWidth || destination.Length < width * height)
        {
            throw new ArgumentException("A buffer is smaller than its image.");
        }
        var scaleX = (float)sourceWidth / width;
        var scaleY = (float)sourceHeight / height;
        for (var y = 0; y < height; y++)
        {
            var sy = Math.Clamp((y + 0.5f) * scaleY - 0.5f, 0, sourceHeight - 1);
            var y0 = (int)sy;
            var y1 = Math.Min(y0 + 1, sourceHeight - 1);
            var wy = sy - y0;
            var row0 = source.Slice(y0 * sourceStride);
            var row1 = source.Slice(y1 * sourceStride);
            for (var x = 0; x < width; x++)
            {
                var sx = Math.Clamp((x + 0.5f) * scaleX - 0.5f, 0, sourceWidth - 1);
                var x0 = (int)sx;
                var x1 = Math.Min(x0 + 1, sourceWidth - 1);
                var wx = sx - x0;
                var top = row0[x0] + (row0[x1] - row0[x0]) * wx;
                var bottom = row1[x0] + (row1[x1] - row1[x0]) * wx;
                destination[y * width + x] = (byte)Math.Clamp(MathF.Round(top + (bottom - top) * wy), 0, 255);
            }
        }
    }

    /// <summary>Mirrors a square-or-not image left to right.</summary>
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
}
