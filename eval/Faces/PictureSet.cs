using CsvHelper;
using FerMusic.Core;

namespace FerMusic.Eval.Faces;

/// <summary>A labelled picture: its path, its name as reports show it and its true class (an index into <see cref="EmotionLabels"/>).</summary>
public sealed record LabelledPicture(string Path, string Name, int Truth);

/// <summary>
/// Labelled full-frame pictures for the live-path evaluation: either a <c>file,label</c> CSV naming pictures in a
/// folder, or the folder layout <c>&lt;root&gt;/&lt;emotion&gt;/*</c>. Files that are not pictures by their extension
/// are left out and counted; a labels file that names a missing file or an unknown emotion is an error.
/// </summary>
public sealed record PictureSet(string Root, string? LabelsFile, IReadOnlyList<LabelledPicture> Pictures, IReadOnlyDictionary<string, int> Excluded)
{
    public static readonly IReadOnlyList<string> Extensions = [".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp"];

    public static PictureSet Load(string root, string? labelsFile)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Picture folder not found: {root}");
        }
        var set = labelsFile is null ? FromFolders(root) : FromLabels(root, labelsFile);
        return set.Pictures.Count > 0
            ? set
            : throw new InvalidDataException(labelsFile is null
                ? $"{root} holds no pictures in emotion folders ({string.Join(", ", EmotionLabels.Names)}), and no --labels file was given."
                : $"{labelsFile} names no pictures.");
    }

    public static bool IsPicture(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    private static PictureSet FromFolders(string root)
    {
        var pictures = new List<LabelledPicture>();
        var excluded = new Dictionary<string, int>();
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
            if (!EmotionLabels.TryParse(name, out var emotion))
            {
                excluded[$"files in folder '{name}', which is not an emotion"] = files.Count;
                continue;
            }
            foreach (var file in files)
            {
                if (IsPicture(file))
                {
                    pictures.Add(new LabelledPicture(file, Path.Combine(name, Path.GetFileName(file)), (int)emotion));
                }
                else
                {
                    excluded["files that are not pictures (by extension)"] = excluded.GetValueOrDefault("files that are not pictures (by extension)") + 1;
                }
            }
        }
        return new PictureSet(root, null, pictures, excluded);
    }

    private static PictureSet FromLabels(string root, string labelsFile)
    {
        if (!File.Exists(labelsFile))
        {
            throw new FileNotFoundException($"Labels file not found: {labelsFile}", labelsFile);
        }
        using var csv = CsvReader.Create(File.OpenRead(labelsFile), new CsvReaderOptions { Separator = ',', TrackLineNumbers = true }, leaveOpen: false);
        int Column(string name) => csv.TryGetFieldIndex(name, out var index)
            ? index
            : throw new InvalidDataException($"{labelsFile}:1: missing column '{name}'; expected a header with 'file' and 'label' (the emotion's name).");
        var fileColumn = Column("file");
        var labelColumn = Column("label");
        var pictures = new List<LabelledPicture>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        while (csv.Read())
        {
            var file = Text(csv, fileColumn);
            var label = Text(csv, labelColumn);
            if (file.Length == 0)
            {
                throw new InvalidDataException($"{labelsFile}:{csv.LineNumber}: the file name is empty.");
            }
            if (!EmotionLabels.TryParse(label, out var emotion))
            {
                throw new InvalidDataException($"{labelsFile}:{csv.LineNumber}: '{label}' is not an emotion; expected one of {string.Join(", ", EmotionLabels.Names)}.");
            }
            if (!seen.Add(file))
            {
                throw new InvalidDataException($"{labelsFile}:{csv.LineNumber}: '{file}' is labelled twice.");
            }
            var path = Path.Combine(root, file);
            if (!File.Exists(path))
            {
                missing.Add(file);
                continue;
            }
            pictures.Add(new LabelledPicture(path, file, (int)emotion));
        }
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"{labelsFile} names {missing.Count} file(s) that are not in {root}: {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", ..." : "")}.");
        }
        return new PictureSet(root, labelsFile, pictures, new Dictionary<string, int>());
    }

    private static string Text(CsvReader csv, int column) => System.Text.Encoding.UTF8.GetString(csv.GetSpan(column)).Trim();
}
