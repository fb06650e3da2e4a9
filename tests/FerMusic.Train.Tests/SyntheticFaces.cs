using FerMusic.Core;
using FerMusic.Core.Fer2013;
using FerMusic.Core.Model;

namespace FerMusic.Train.Tests;

/// <summary>
/// A separable stand-in for FER2013: each emotion is a bright square at its own place on a noisy background,
/// so a working trainer learns it in a few epochs.
/// </summary>
public static class SyntheticFaces
{
    public static Fer2013Dataset Create(int perClass, Fer2013Split split, int seed)
    {
        var random = new Random(seed);
        var count = perClass * EmotionLabels.Count;
        var pixels = new byte[count * ModelContract.PixelsPerImage];
        var labels = new Emotion[count];
        for (var i = 0; i < count; i++)
        {
            var label = i % EmotionLabels.Count;
            labels[i] = (Emotion)label;
            var image = pixels.AsSpan(i * ModelContract.PixelsPerImage, ModelContract.PixelsPerImage);
            for (var p = 0; p < image.Length; p++)
            {
                image[p] = (byte)random.Next(40, 120);
            }
            var top = 4 + label / 4 * 20 + random.Next(-1, 2);
            var left = 4 + label % 4 * 10 + random.Next(-1, 2);
            for (var y = top; y < top + 12; y++)
            {
                for (var x = left; x < left + 8; x++)
                {
                    image[y * ModelContract.ImageSize + x] = (byte)random.Next(200, 256);
                }
            }
        }
        return new Fer2013Dataset(pixels, labels, Enumerable.Repeat(split, count).ToArray());
    }
}
