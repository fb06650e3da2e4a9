using FerMusic.Core;
using FerMusic.Core.Model;
using FerMusic.Eval.Data;
using FerMusic.Tests;
using SkiaSharp;

namespace FerMusic.Eval.Tests.Data;

public sealed class ImageFolderFacesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private void Png(string folder, string name, int side, byte grey)
    {
        Directory.CreateDirectory(Path.Combine(_temp.Path, folder));
        using var bitmap = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(new SKColor(grey, grey, grey));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(Path.Combine(_temp.Path, folder, name), data.ToArray());
    }

    [Fact]
    public void Reads_emotion_folders_resizes_to_48_and_counts_unreadable_files()
    {
        Png("happy", "a.png", 48, 200);
        Png("happy", "b.png", 96, 100);
        Png("sad", "c.png", 30, 50);
        File.WriteAllText(Path.Combine(_temp.Path, "sad", "broken.png"), "not an image");

        var faces = ImageFolderFaces.Load(_temp.Path);

        Assert.Equal([(int)Emotion.Happy, (int)Emotion.Happy, (int)Emotion.Sad], faces.Truth);
        Assert.Equal(3 * ModelContract.PixelsPerImage, faces.Pixels.Length);
        Assert.InRange(faces.Image(1)[100], 98, 102);
        Assert.InRange(faces.Image(2)[2000], 48, 52);
        Assert.Equal(1, faces.Excluded["unreadable image files"]);
    }

    [Fact]
    public void A_folder_without_images_is_an_error()
    {
        Directory.CreateDirectory(Path.Combine(_temp.Path, "happy"));

        Assert.Throws<InvalidDataException>(() => ImageFolderFaces.Load(_temp.Path));
    }
}
