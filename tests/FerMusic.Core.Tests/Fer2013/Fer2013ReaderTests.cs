using FerMusic.Core.Fer2013;
using FerMusic.Core.Model;
using FerMusic.Tests;
using static FerMusic.Tests.Fer2013CsvBuilder;

namespace FerMusic.Core.Tests.Fer2013;

public sealed class Fer2013ReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string text, string name = "fer2013.csv")
    {
        var path = _temp.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Reads_labels_pixels_and_splits_of_a_plain_file()
    {
        var dataset = Fer2013Reader.Read(Write(ValidText())).Dataset;

        Assert.Equal(4, dataset.Count);
        Assert.Equal([Emotion.Angry, Emotion.Happy, Emotion.Neutral, Emotion.Surprise], dataset.Labels.ToArray());
        Assert.Equal([Fer2013Split.Training, Fer2013Split.Training, Fer2013Split.PublicTest, Fer2013Split.PrivateTest], dataset.Splits.ToArray());
        var expected = Pixels(2).Split(' ').Select(byte.Parse).ToArray();
        Assert.Equal(expected, dataset.Image(1).ToArray());
    }

    [Fact]
    public void Detects_gzip_by_its_magic_bytes_not_its_name()
    {
        var path = _temp.File("looks-plain.csv");
        WriteGzip(path, ValidText());

        var gzipped = Fer2013Reader.Read(path).Dataset;
        var plain = Fer2013Reader.Read(Write(ValidText())).Dataset;

        Assert.Equal(plain.Pixels.ToArray(), gzipped.Pixels.ToArray());
        Assert.Equal(plain.Labels.ToArray(), gzipped.Labels.ToArray());
    }

    [Fact]
    public void Finds_columns_by_header_name_in_any_order()
    {
        var text = "Usage,pixels,emotion\n" + $"PublicTest,{Pixels(9)},4\n";

        var dataset = Fer2013Reader.Read(Write(text)).Dataset;

        Assert.Equal(Emotion.Sad, dataset.Label(0));
        Assert.Equal(Fer2013Split.PublicTest, dataset.Split(0));
    }

    public static TheoryData<string, string> BadRows() => new()
    {
        { "2," + string.Join(' ', Enumerable.Repeat("1", 2303)) + ",Training", "expected 2304 pixel values, found 2303" },
        { "2," + string.Join(' ', Enumerable.Repeat("1", 2305)) + ",Training", "expected 2304 pixel values, found more" },
        { "2,1 2 x3 " + string.Join(' ', Enumerable.Repeat("1", 2301)) + ",Training", "pixel 3 is 'x3', expected an integer 0..255" },
        { "2,1 256 " + string.Join(' ', Enumerable.Repeat("1", 2302)) + ",Training", "pixel 2 is '256', expected an integer 0..255" },
        { "7," + Pixels(0) + ",Training", "emotion is '7', expected an integer 0..6" },
        { "happy," + Pixels(0) + ",Training", "emotion is 'happy', expected an integer 0..6" },
        { "2," + Pixels(0) + ",Validation", "Usage is 'Validation', expected Training, PublicTest or PrivateTest" },
        { "2," + Pixels(0), "expected 3 fields" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void A_bad_row_is_reported_with_file_line_and_problem(string badRow, string problem)
    {
        var path = Write(string.Join('\n', Header, Row(0, "Training"), badRow, Row(1, "Training")) + "\n");

        var error = Assert.Throws<Fer2013FormatException>(() => Fer2013Reader.Read(path));

        Assert.Equal(3, error.Line);
        Assert.Equal(path, error.File);
        Assert.Contains(problem, error.Message);
        Assert.StartsWith($"{path}:3: ", error.Message);
    }

    [Fact]
    public void A_missing_column_is_named_with_the_expected_header()
    {
        var path = Write("emotion,pixels\n0," + Pixels(0) + "\n");

        var error = Assert.Throws<Fer2013FormatException>(() => Fer2013Reader.Read(path));

        Assert.Equal(1, error.Line);
        Assert.Contains("missing column(s) 'Usage'", error.Message);
        Assert.Contains("expected the header 'emotion,pixels,Usage'", error.Message);
    }

    [Fact]
    public void An_empty_file_is_an_error_not_an_empty_dataset()
    {
        var error = Assert.Throws<Fer2013FormatException>(() => Fer2013Reader.Read(Write("")));

        Assert.Contains("the file is empty", error.Message);
    }

    [Fact]
    public void A_missing_file_names_the_path()
    {
        var path = _temp.File("nowhere.csv.gz");

        var error = Assert.Throws<FileNotFoundException>(() => Fer2013Reader.Read(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Skipping_bad_rows_keeps_the_good_ones_and_counts_the_bad()
    {
        var path = Write(string.Join('\n', Header,
            Row(0, "Training"), "9," + Pixels(0) + ",Training", Row(1, "PublicTest"), "1,1 2 3,Training", Row(2, "PrivateTest")) + "\n");

        var result = Fer2013Reader.Read(path, new Fer2013ReadOptions { SkipBadRows = true });

        Assert.Equal(3, result.Dataset.Count);
        Assert.Equal(2, result.SkippedRows);
        Assert.Equal([3L, 5L], result.Problems.Select(p => p.Line));
    }

    [Fact]
    public void Reads_the_whole_of_FER2013_as_bytes()
    {
        var path = SharedData.Require(SharedData.Fer2013);

        var dataset = Fer2013Reader.Read(path).Dataset;

        Assert.Equal(35_887, dataset.Count);
        Assert.Equal(35_887L * ModelContract.PixelsPerImage, dataset.Pixels.Length);
        Assert.Equal(28_709, dataset.Select(Fer2013Split.Training).Count);
        Assert.Equal(3_589, dataset.Select(Fer2013Split.PublicTest).Count);
        Assert.Equal(3_589, dataset.Select(Fer2013Split.PrivateTest).Count);
        Assert.Equal([3995, 436, 4097, 7215, 4830, 3171, 4965], dataset.Select(Fer2013Split.Training).ClassCounts());
    }

    /// <summary>A gzip file cut right after a flush: what is left decompresses cleanly into whole rows.</summary>
    private string TruncatedAtRowBoundary()
    {
        var rows = Enumerable.Range(0, 40).Select(i => Row(i % 7, "Training", i)).ToList();
        using var compressed = new MemoryStream();
        long cut;
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(Header + "\n" + string.Join('\n', rows.Take(20)) + "\n"));
            gzip.Flush();
            cut = compressed.Length;
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', rows.Skip(20)) + "\n"));
        }
        var path = _temp.File("cut.csv.gz");
        File.WriteAllBytes(path, compressed.ToArray()[..(int)cut]);
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_gzip_file_cut_at_a_row_boundary_is_an_error_not_a_shorter_dataset(bool skipBadRows)
    {
        var path = TruncatedAtRowBoundary();

        var error = Assert.Throws<InvalidDataException>(() => Fer2013Reader.Read(path, new Fer2013ReadOptions { SkipBadRows = skipBadRows }));

        Assert.Contains("truncated or damaged gzip", error.Message);
    }
}
