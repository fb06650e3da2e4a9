using SkiaSharp;
using FerMusic.Core.Model;

namespace FerMusic.Eval.Reporting;

/// <summary>One 48x48 face on a contact sheet, with up to two caption lines; a null face leaves a grey tile.</summary>
public sealed record SheetFace(byte[]? Pixels, string Caption, string SecondCaption, bool Highlight = false);

/// <summary>A contact sheet: 48x48 faces enlarged three times, eight to a row, each with its caption.</summary>
public static class FaceSheet
{
    private const int Scale = 3;
    private const int Columns = 8;
    private const int CaptionHeight = 34;

    public static void Save(string path, IReadOnlyList<SheetFace> faces)
    {
        var side = ModelContract.ImageSize * Scale;
        var rows = Math.Max(1, (faces.Count + Columns - 1) / Columns);
        using var surface = SKSurface.Create(new SKImageInfo(Columns * side, rows * (side + CaptionHeight)));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var font = new SKFont(SKTypeface.Default, 13);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var alert = new SKPaint { Color = new SKColor(178, 34, 34), IsAntialias = true };
        using var empty = new SKPaint { Color = new SKColor(200, 200, 200) };
        using var sampling = new SKPaint();
        for (var n = 0; n < faces.Count; n++)
        {
            var x = n % Columns * side;
            var y = n / Columns * (side + CaptionHeight);
            var target = new SKRect(x, y, x + side, y + side);
            if (faces[n].Pixels is { } pixels)
            {
                using var face = Bitmap(pixels);
                canvas.DrawBitmap(face, target, sampling);
            }
            else
            {
                canvas.DrawRect(target, empty);
            }
            canvas.DrawText(faces[n].Caption, x + 3, y + side + 14, font, ink);
            canvas.DrawText(faces[n].SecondCaption, x + 3, y + side + 29, font, faces[n].Highlight ? alert : ink);
        }
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
    }

    private static SKBitmap Bitmap(ReadOnlySpan<byte> pixels)
    {
        var bitmap = new SKBitmap(new SKImageInfo(ModelContract.ImageSize, ModelContract.ImageSize, SKColorType.Gray8, SKAlphaType.Opaque));
        pixels.CopyTo(bitmap.GetPixelSpan());
        return bitmap;
    }
}
