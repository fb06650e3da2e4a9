using FerMusic.Core;
using FerMusic.Eval.Data;
using FerMusic.Eval.Evaluation;
using SkiaSharp;

namespace FerMusic.Eval.Reporting;

/// <summary>A grid of the most confident mistakes: each face with its true and predicted label and confidence.</summary>
public static class MisclassifiedGrid
{
    private const int Scale = 3;
    private const int Columns = 8;
    private const int CaptionHeight = 34;

    public static int Save(string path, LabelledFaces faces, Predictions predictions, IReadOnlyList<string> modelLabels, int count = 32)
    {
        var mistakes = Enumerable.Range(0, faces.Count)
            .Where(i => predictions.Predicted[i] != faces.Truth[i])
            .OrderByDescending(i => predictions.Row(i)[predictions.Predicted[i]])
            .Take(count)
            .ToList();
        var side = ModelContract.ImageSize * Scale;
        var rows = Math.Max(1, (mistakes.Count + Columns - 1) / Columns);
        using var surface = SKSurface.Create(new SKImageInfo(Columns * side, rows * (side + CaptionHeight)));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var font = new SKFont(SKTypeface.Default, 13);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var sampling = new SKPaint();
        for (var n = 0; n < mistakes.Count; n++)
        {
            var i = mistakes[n];
            var x = n % Columns * side;
            var y = n / Columns * (side + CaptionHeight);
            using var face = Face(faces.Image(i));
            canvas.DrawBitmap(face, new SKRect(x, y, x + side, y + side), sampling);
            var predicted = predictions.Predicted[i];
            canvas.DrawText($"true {faces.Labels[faces.Truth[i]]}", x + 3, y + side + 14, font, paint);
            canvas.DrawText($"pred {modelLabels[predicted]} {predictions.Row(i)[predicted]:P0}", x + 3, y + side + 29, font, paint);
        }
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
        return mistakes.Count;
    }

    private static SKBitmap Face(ReadOnlySpan<byte> pixels)
    {
        var bitmap = new SKBitmap(new SKImageInfo(ModelContract.ImageSize, ModelContract.ImageSize, SKColorType.Gray8, SKAlphaType.Opaque));
        pixels.CopyTo(bitmap.GetPixelSpan());
        return bitmap;
    }
}
