using FerMusic.Core;
using FerMusic.Core.Imaging;
using SkiaSharp;
using FerMusic.Core.Model;

namespace FerMusic.Eval.Data;

/// <summary>
/// Labelled images in the Kaggle folder layout, <c>&lt;root&gt;/&lt;emotion&gt;/*.png|jpg</c>, made grey and resized to
/// 48x48 with the shared preprocessing. Unreadable files are skipped and counted.
/// </summary>
public static class ImageFolderFaces
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".bmp"];

    public static LabelledFaces Load(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Image folder not found: {root}");
        }
        var pixels = new List<byte>();
        var truth = new List<int>();
        var excluded = new Dictionary<string, int>();
        var face = new byte[ModelContract.PixelsPerImage];
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (!EmotionLabels.TryParse(name, out var emotion))
            {
                excluded[$"folder '{name}' is not an emotion"] = Directory.GetFiles(folder).Length;
                continue;
            }
            foreach (var file in Directory.GetFiles(folder).Where(IsImage).Order(StringComparer.Ordinal))
            {
                if (!TryReadFace(file, face))
                {
                    excluded["unreadable image files"] = excluded.GetValueOrDefault("unreadable image files") + 1;
                    continue;
                }
                pixels.AddRange(face);
                truth.Add((int)emotion);
            }
        }
        if (truth.Count == 0)
        {
            throw new InvalidDataException($"{root} holds no readable images in emotion folders ({string.Join(", ", EmotionLabels.Names)}).");
        }
        return new LabelledFaces(root, "folder", [.. pixels], [.. truth], EmotionLabels.Names, excluded);
    }

    private static bool IsImage(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    private static bool TryReadFace(string path, Span<byte> face)
    {
        using var decoded = SKBitmap.Decode(path);
        if (decoded is null)
        {
            return false;
        }
        using var grey = decoded.ColorType == SKColorType.Gray8 ? decoded.Copy() : ToGrey(decoded);
        GreyResize.Resize(grey.GetPixelSpan(), grey.Width, grey.Height, grey.RowBytes, face, ModelContract.ImageSize, ModelContract.ImageSize);
        return true;
    }

    private static SKBitmap ToGrey(SKBitmap bitmap)
    {
        var grey = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(grey);
        canvas.DrawBitmap(bitmap, 0, 0);
        return grey;
    }
}
