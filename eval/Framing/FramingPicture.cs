using FerMusic.Core.Fer2013;
using SkiaSharp;
using FerMusic.Core.Model;

namespace FerMusic.Eval.Framing;

/// <summary>The average FER2013 face, enlarged, with each detector's median box and eyes drawn on it.</summary>
public static class FramingPicture
{
    private const int Scale = 8;

    public static void Save(string path, Fer2013Dataset images, IReadOnlyList<FramingResult> results)
    {
        var side = ModelContract.ImageSize;
        var sum = new double[side * side];
        for (var i = 0; i < images.Count; i++)
        {
            var face = images.Image(i);
            for (var p = 0; p < sum.Length; p++)
            {
                sum[p] += face[p];
            }
        }
        using var mean = new SKBitmap(new SKImageInfo(side, side, SKColorType.Gray8, SKAlphaType.Opaque));
        var pixels = mean.GetPixelSpan();
        for (var p = 0; p < sum.Length; p++)
        {
            pixels[p] = (byte)Math.Round(sum[p] / Math.Max(1, images.Count));
        }
        var size = side * Scale;
        using var surface = SKSurface.Create(new SKImageInfo(size, size + 24 * results.Count));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var sampling = new SKPaint();
        canvas.DrawBitmap(mean, new SKRect(0, 0, size, size), sampling);
        SKColor[] colours = [new(220, 50, 47), new(38, 139, 210), new(133, 153, 0)];
        using var font = new SKFont(SKTypeface.Default, 15);
        for (var r = 0; r < results.Count; r++)
        {
            var framing = results[r].Framing;
            using var pen = new SKPaint { Color = colours[r % colours.Length], Style = SKPaintStyle.Stroke, StrokeWidth = 3, IsAntialias = true };
            using var ink = new SKPaint { Color = colours[r % colours.Length], IsAntialias = true };
            var box = framing.BoxCentre - framing.BoxSize / 2;
            canvas.DrawRect(box.X * Scale, box.Y * Scale, framing.BoxSize.X * Scale, framing.BoxSize.Y * Scale, pen);
            if (framing.Eyes is { } eyes)
            {
                canvas.DrawCircle(eyes.Left.X * Scale, eyes.Left.Y * Scale, 6, ink);
                canvas.DrawCircle(eyes.Right.X * Scale, eyes.Right.Y * Scale, 6, ink);
            }
            canvas.DrawText($"{results[r].Detector}: median box of {results[r].Found.Count} faces ({results[r].FoundShare:P0} found)",
                6, size + 18 + 24 * r, font, ink);
        }
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
    }
}
