using FerMusic.Core.Fer2013;
using FerMusic.Core.Model;

namespace FerMusic.Core.Tests.Fer2013;

public sealed class Fer2013DatasetTests
{
    private static Fer2013Dataset Dataset(params (Emotion Label, Fer2013Split Split)[] rows)
    {
        var pixels = new byte[rows.Length * ModelContract.PixelsPerImage];
        for (var i = 0; i < rows.Length; i++)
        {
            pixels.AsSpan(i * ModelContract.PixelsPerImage, ModelContract.PixelsPerImage).Fill((byte)i);
        }
        return new Fer2013Dataset(pixels, rows.Select(r => r.Label).ToArray(), rows.Select(r => r.Split).ToArray());
    }

    [Fact]
    public void Select_keeps_file_order_and_honours_the_limit()
    {
        var dataset = Dataset(
            (Emotion.Angry, Fer2013Split.Training), (Emotion.Sad, Fer2013Split.PublicTest),
            (Emotion.Happy, Fer2013Split.Training), (Emotion.Fear, Fer2013Split.Training));

        var training = dataset.Select(Fer2013Split.Training, limit: 2);

        Assert.Equal([Emotion.Angry, Emotion.Happy], training.Labels.ToArray());
        Assert.Equal(2, training.Image(1)[0]);
    }

    [Fact]
    public void Class_counts_include_absent_classes_as_zero()
    {
        var counts = Dataset((Emotion.Happy, Fer2013Split.Training), (Emotion.Happy, Fer2013Split.Training)).ClassCounts();

        Assert.Equal([0, 0, 0, 2, 0, 0, 0], counts);
    }

    [Fact]
    public void Rejects_arrays_of_different_lengths()
    {
        Assert.Throws<ArgumentException>(() => new Fer2013Dataset(new byte[10], [Emotion.Angry], [Fer2013Split.Training]));
    }
}
