using FerMusic.Core;
using FerMusic.Core.Imaging;
using FerMusic.Core.Model;
using FerMusic.Eval.Faces;
using FerMusic.Vision.Frames;

namespace FerMusic.Eval.Data;

/// <summary>
/// Labelled, already cropped faces in the Kaggle folder layout, <c>&lt;root&gt;/&lt;emotion&gt;/*</c>: each picture made grey
/// as the live path makes frames grey and resized to 48x48 with the shared antialiased resize. Unreadable files are
/// skipped and counted. (Full-frame pictures, whose face must be found first, are <c>eval faces</c>' job.)
/// </summary>
public static class ImageFolderFaces
{
    public static LabelledFaces Load(string root)
    {
        var pictures = PictureSet.Load(root, labelsFile: null);
        var pixels = new List<byte>();
        var truth = new List<int>();
        var excluded = new Dictionary<string, int>(pictures.Excluded);
        var face = new byte[ModelContract.PixelsPerImage];
        using var frame = new VisionFrame();
        foreach (var picture in pictures.Pictures)
        {
            using var image = PictureDecoder.Read(picture.Path);
            if (image is null)
            {
                excluded["unreadable image files"] = excluded.GetValueOrDefault("unreadable image files") + 1;
                continue;
            }
            frame.Update(image);
            GreyResize.Resize(frame.Grey.AsSpan<byte>(), frame.Width, frame.Height, (int)frame.Grey.Step(), face, ModelContract.ImageSize, ModelContract.ImageSize);
            pixels.AddRange(face);
            truth.Add(picture.Truth);
        }
        if (truth.Count == 0)
        {
            throw new InvalidDataException($"{root} holds no readable images in emotion folders ({string.Join(", ", EmotionLabels.Names)}).");
        }
        return new LabelledFaces(root, "folder", [.. pixels], [.. truth], EmotionLabels.Names, excluded);
    }
}
