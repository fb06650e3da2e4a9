using FerMusic.Core.Model;

namespace FerMusic.Core.Fer2013;

/// <summary>
/// FER2013 images held compactly: one byte per pixel in a single array (about 83 MB for the full set),
/// with the label and split of each image alongside.
/// </summary>
public sealed class Fer2013Dataset
{
    public const int PixelsPerImage = ModelContract.PixelsPerImage;

    private readonly byte[] _pixels;
    private readonly Emotion[] _labels;
    private readonly Fer2013Split[] _splits;

    public Fer2013Dataset(byte[] pixels, Emotion[] labels, Fer2013Split[] splits)
    {
        if (labels.Length != splits.Length || pixels.Length != labels.Length * PixelsPerImage)
        {
            throw new ArgumentException(
                $"Expected {labels.Length} labels, splits and {labels.Length * PixelsPerImage} pixels; " +
                $"got {labels.Length}, {splits.Length} and {pixels.Length}.");
        }
        _pixels = pixels;
        _labels = labels;
        _splits = splits;
    }

    public int Count => _labels.Length;

    /// <summary>All pixels, image after image, each 48x48 row-major.</summary>
    public ReadOnlySpan<byte> Pixels => _pixels;

    public ReadOnlySpan<Emotion> Labels => _labels;

    public ReadOnlySpan<Fer2013Split> Splits => _splits;

    public ReadOnlySpan<byte> Image(int index) => _pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);

    public Emotion Label(int index) => _labels[index];

    public Fer2013Split Split(int index) => _splits[index];

    /// <summary>The images of one split, in file order, optionally only the first <paramref name="limit"/>.</summary>
    public Fer2013Dataset Select(Fer2013Split split, int? limit = null) => Subset(IndicesOf(split, limit));

    /// <summary>The row positions of one split's images, in file order.</summary>
    public int[] IndicesOf(Fer2013Split split, int? limit = null)
    {
        var indices = new List<int>();
        for (var i = 0; i < Count && (limit is null || indices.Count < limit); i++)
        {
            if (_splits[i] == split)
            {
                indices.Add(i);
            }
        }
        return [.. indices];
    }

    public Fer2013Dataset Subset(IReadOnlyList<int> indices)
    {
        var pixels = new byte[indices.Count * PixelsPerImage];
        var labels = new Emotion[indices.Count];
        var splits = new Fer2013Split[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            Image(indices[i]).CopyTo(pixels.AsSpan(i * PixelsPerImage, PixelsPerImage));
            labels[i] = _labels[indices[i]];
            splits[i] = _splits[indices[i]];
        }
        return new Fer2013Dataset(pixels, labels, splits);
    }

    /// <summary>How many images of each emotion, indexed by <see cref="Emotion"/>.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[EmotionLabels.Count];
        foreach (var label in _labels)
        {
            counts[(int)label]++;
        }
        return counts;
    }
}
