using System.IO.Compression;
using System.Text;
using FerMusic.Core.Model;

namespace FerMusic.Tests;

/// <summary>Writes small FER2013-layout files for reader tests.</summary>
public static class Fer2013CsvBuilder
{
    public const string Header = "emotion,pixels,Usage";

    public static string Pixels(int seed) =>
        string.Join(' ', Enumerable.Range(0, ModelContract.PixelsPerImage).Select(i => (i * 7 + seed * 13) % 256));

    public static string Row(int emotion, string usage, int seed = 0) => $"{emotion},{Pixels(seed)},{usage}";

    public static string ValidText() => string.Join('\n',
        Header,
        Row(0, "Training", 1),
        Row(3, "Training", 2),
        Row(6, "PublicTest", 3),
        Row(5, "PrivateTest", 4)) + "\n";

    public static void WriteGzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
    }
}
