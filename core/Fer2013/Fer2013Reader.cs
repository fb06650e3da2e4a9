using System.Text;
using CsvHelper;
using FerMusic.Core.IO;

namespace FerMusic.Core.Fer2013;

/// <summary>
/// Reads FER2013 in its Kaggle layout (<c>emotion,pixels,Usage</c>, columns found by header name), plain or
/// gzip-compressed (recognised by its magic bytes, whatever the file is called).
/// </summary>
public static class Fer2013Reader
{
    private const string EmotionColumn = "emotion";
    private const string PixelsColumn = "pixels";
    private const string UsageColumn = "Usage";

    public static Fer2013ReadResult Read(string path, Fer2013ReadOptions? options = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"FER2013 file not found: {path}. Download fer2013.csv from Kaggle (see data/README.md); " +
                "the .csv.gz form is read as it is.", path);
        }
        using var file = File.OpenRead(path);
        using var input = VerifiedGzipStream.IsGzip(file) ? new VerifiedGzipStream(file, path) : (Stream)file;
        return Read(input, path, options ?? new Fer2013ReadOptions());
    }

    public static Fer2013ReadResult Read(Stream input, string name, Fer2013ReadOptions options)
    {
        var csvOptions = new CsvReaderOptions { Separator = ',', TrackLineNumbers = true };
        using var csv = CsvReader.Create(input, csvOptions, leaveOpen: true);
        var columns = FindColumns(csv, name);

        var images = new GrowableImages();
        var problems = new List<Fer2013FormatException>();
        var skipped = 0;
        Span<byte> image = stackalloc byte[Fer2013Dataset.PixelsPerImage];
        while (csv.Read())
        {
            var problem = ParseRow(csv, columns, image, out var emotion, out var split);
            if (problem is null)
            {
                images.Add(image, emotion, split);
                continue;
            }
            var error = new Fer2013FormatException(name, csv.LineNumber, problem);
            if (!options.SkipBadRows)
            {
                throw error;
            }
            skipped++;
            if (problems.Count < options.MaxReportedProblems)
            {
                problems.Add(error);
            }
        }
        return new Fer2013ReadResult(images.ToDataset(), skipped, problems);
    }

    private readonly record struct Columns(int Emotion, int Pixels, int Usage, int Required);

    private static Columns FindColumns(CsvReader csv, string name)
    {
        var headers = csv.Headers;
        if (headers.Count == 0)
        {
            throw new Fer2013FormatException(name, 1, $"the file is empty; expected the header '{EmotionColumn},{PixelsColumn},{UsageColumn}'");
        }
        var missing = new[] { EmotionColumn, PixelsColumn, UsageColumn }
            .Where(column => !csv.TryGetFieldIndex(column, out _))
            .ToList();
        if (missing.Count > 0)
        {
            throw new Fer2013FormatException(name, 1,
                $"missing column(s) {string.Join(", ", missing.Select(c => $"'{c}'"))}; " +
                $"expected the header '{EmotionColumn},{PixelsColumn},{UsageColumn}', found '{string.Join(',', headers)}'");
        }
        var emotion = csv.GetFieldIndex(EmotionColumn);
        var pixels = csv.GetFieldIndex(PixelsColumn);
        var usage = csv.GetFieldIndex(UsageColumn);
        return new Columns(emotion, pixels, usage, Math.Max(emotion, Math.Max(pixels, usage)) + 1);
    }

    private static string? ParseRow(CsvReader csv, Columns columns, Span<byte> image, out Emotion emotion, out Fer2013Split split)
    {
        emotion = default;
        split = default;
        if (csv.FieldCount < columns.Required)
        {
            return $"expected {columns.Required} fields ({EmotionColumn},{PixelsColumn},{UsageColumn}), found {csv.FieldCount}";
        }
        var emotionText = csv.GetSpan(columns.Emotion).Trim((byte)' ');
        if (emotionText.Length != 1 || emotionText[0] < (byte)'0' || emotionText[0] > (byte)'6')
        {
            return $"emotion is '{Encoding.UTF8.GetString(emotionText)}', expected an integer 0..6 " +
                   $"({string.Join(", ", EmotionLabels.Names.Select((n, i) => $"{i} {n}"))})";
        }
        emotion = (Emotion)(emotionText[0] - '0');

        var usageText = csv.GetSpan(columns.Usage).Trim((byte)' ');
        if (!TryParseSplit(usageText, out split))
        {
            return $"Usage is '{Encoding.UTF8.GetString(usageText)}', expected Training, PublicTest or PrivateTest";
        }

        var pixelProblem = PixelText.TryParse(csv.GetSpan(columns.Pixels), image);
        return pixelProblem is null ? null : $"pixels: {pixelProblem}";
    }

    private static bool TryParseSplit(ReadOnlySpan<byte> text, out Fer2013Split split)
    {
        if (text.SequenceEqual("Training"u8))
        {
            split = Fer2013Split.Training;
            return true;
        }
        if (text.SequenceEqual("PublicTest"u8))
        {
            split = Fer2013Split.PublicTest;
            return true;
        }
        if (text.SequenceEqual("PrivateTest"u8))
        {
            split = Fer2013Split.PrivateTest;
            return true;
        }
        split = default;
        return false;
    }

    /// <summary>Collects images into one contiguous array, growing by doubling.</summary>
    private sealed class GrowableImages
    {
        private byte[] _pixels = new byte[1024 * Fer2013Dataset.PixelsPerImage];
        private readonly List<Emotion> _labels = [];
        private readonly List<Fer2013Split> _splits = [];

        public void Add(ReadOnlySpan<byte> image, Emotion emotion, Fer2013Split split)
        {
            var offset = _labels.Count * Fer2013Dataset.PixelsPerImage;
            if (offset + image.Length > _pixels.Length)
            {
                Array.Resize(ref _pixels, _pixels.Length * 2);
            }
            image.CopyTo(_pixels.AsSpan(offset));
            _labels.Add(emotion);
            _splits.Add(split);
        }

        public Fer2013Dataset ToDataset()
        {
            Array.Resize(ref _pixels, _labels.Count * Fer2013Dataset.PixelsPerImage);
            return new Fer2013Dataset(_pixels, [.. _labels], [.. _splits]);
        }
    }
}
