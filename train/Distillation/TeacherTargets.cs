using FerMusic.Core;
using FerMusic.Core.Fer2013;
using FerMusic.Core.FerPlus;
using FerMusic.Core.Model;

namespace FerMusic.Train.Distillation;

/// <summary>
/// Soft targets for distillation: the class probabilities of one or more trained ONNX models (the teachers) for
/// every image of a dataset, averaged over the teachers and over each image and its mirror image. They are
/// computed once, before training, on the clean images.
/// </summary>
public sealed class TeacherTargets
{
    private const int BatchSize = 256;
    private readonly float[] _probabilities;

    private TeacherTargets(float[] probabilities, int count)
    {
        _probabilities = probabilities;
        Count = count;
    }

    public int Count { get; }

    /// <summary>The averaged probabilities of image <paramref name="index"/>, in <see cref="EmotionLabels"/> order.</summary>
    public ReadOnlySpan<float> Of(int index) => _probabilities.AsSpan(index * EmotionLabels.Count, EmotionLabels.Count);

    /// <exception cref="ModelContractException">A teacher is missing, not a model, or has other classes than FER2013's.</exception>
    public static TeacherTargets Compute(IReadOnlyList<string> modelPaths, Fer2013Dataset dataset, int threads = 0)
    {
        if (modelPaths.Count == 0)
        {
            throw new ArgumentException("Distillation needs at least one teacher model.");
        }
        var classes = EmotionLabels.Count;
        var sum = new float[dataset.Count * classes];
        foreach (var path in modelPaths)
        {
            using var model = EmotionModel.Load(path, threads);
            if (!model.Labels.SequenceEqual(EmotionLabels.Names, StringComparer.OrdinalIgnoreCase))
            {
                throw new ModelContractException(path,
                    $"a teacher must classify FER2013's classes in order ({EmotionLabels.Joined}), this one has {string.Join(',', model.Labels)}");
            }
            AddViews(model, dataset, sum);
        }
        var views = 2f * modelPaths.Count;
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] /= views;
        }
        return new TeacherTargets(sum, dataset.Count);
    }

    /// <summary>
    /// FER+ vote shares as soft targets: for each image, the share of its ten annotators' votes each emotion got
    /// (contempt, unknown and not-a-face votes left out); an image no annotator gave an emotion keeps its own label.
    /// </summary>
    /// <param name="rows">Each image's row in the FER2013 file, which is its row in the FER+ file.</param>
    public static TeacherTargets FromFerPlus(FerPlusVotes votes, IReadOnlyList<int> rows, Fer2013Dataset dataset)
    {
        if (rows.Count != dataset.Count)
        {
            throw new ArgumentException($"{rows.Count} rows for {dataset.Count} images.", nameof(rows));
        }
        var classes = EmotionLabels.Count;
        var targets = new float[dataset.Count * classes];
        for (var i = 0; i < dataset.Count; i++)
        {
            if (rows[i] >= votes.Count)
            {
                throw new InvalidDataException($"The FER+ votes have {votes.Count} rows; FER2013 row {rows[i] + 1} has none. The files must match row for row.");
            }
            var target = targets.AsSpan(i * classes, classes);
            if (!votes.TryEmotionShares(rows[i], target))
            {
                target[(int)dataset.Label(i)] = 1;
            }
        }
        return new TeacherTargets(targets, dataset.Count);
    }

    /// <summary>Adds the model's probabilities of every image averaged with those of its mirror image, twice, to <paramref name="sum"/>.</summary>
    private static void AddViews(EmotionModel model, Fer2013Dataset dataset, float[] sum)
    {
        var pixels = ModelContract.PixelsPerImage;
        var classes = EmotionLabels.Count;
        var flipped = new ViewAveraging(model, TtaMode.Flip);
        var probabilities = new float[BatchSize * classes];
        for (var start = 0; start < dataset.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, dataset.Count - start);
            flipped.Predict(dataset.Pixels.Slice(start * pixels, count * pixels), probabilities);
            var target = sum.AsSpan(start * classes, count * classes);
            for (var i = 0; i < target.Length; i++)
            {
                target[i] += 2 * probabilities[i];
            }
        }
    }

    /// <summary>The share of images whose most probable teacher class is their label.</summary>
    public double Agreement(Fer2013Dataset dataset)
    {
        if (dataset.Count != Count)
        {
            throw new ArgumentException($"The targets are for {Count} images, the dataset has {dataset.Count}.", nameof(dataset));
        }
        var agreeing = 0;
        for (var i = 0; i < Count; i++)
        {
            agreeing += Probabilities.ArgMax(Of(i)) == (int)dataset.Label(i) ? 1 : 0;
        }
        return Count == 0 ? double.NaN : (double)agreeing / Count;
    }
}
