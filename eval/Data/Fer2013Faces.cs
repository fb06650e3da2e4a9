using FerMusic.Core;
using FerMusic.Core.Fer2013;

namespace FerMusic.Eval.Data;

/// <summary>One split of a FER2013 file, with its own labels or with FER+ majority labels.</summary>
public static class Fer2013Faces
{
    public static LabelledFaces Load(string path, Fer2013Split split, string? ferPlusPath, bool skipBadRows)
    {
        var read = Fer2013Reader.Read(path, new Fer2013ReadOptions { SkipBadRows = skipBadRows });
        var dataset = read.Dataset;
        var indices = dataset.IndicesOf(split);
        var excluded = new Dictionary<string, int>();
        if (read.SkippedRows > 0)
        {
            excluded["malformed rows (whole file)"] = read.SkippedRows;
        }
        if (ferPlusPath is null)
        {
            var subset = dataset.Subset(indices);
            return new LabelledFaces(path, split.ToString(), subset.Pixels.ToArray(), subset.Labels.ToArray().Select(l => (int)l).ToArray(),
                EmotionLabels.Names, excluded);
        }

        if (read.SkippedRows > 0)
        {
            throw new InvalidDataException("FER+ labels are matched to FER2013 rows by position, which skipped rows would shift; fix the file instead of --skip-bad-rows.");
        }
        var ferPlus = FerPlusLabels.Read(ferPlusPath);
        if (ferPlus.Length != dataset.Count)
        {
            throw new InvalidDataException($"{ferPlusPath} has {ferPlus.Length} rows but {path} has {dataset.Count}; they must match row for row.");
        }
        var kept = new List<int>();
        var truth = new List<int>();
        foreach (var index in indices)
        {
            var label = ferPlus[index];
            var reason = label switch
            {
                FerPlusLabels.NoMajority => "no majority label (FER+)",
                FerPlusLabels.Unknown => "marked unknown (FER+)",
                FerPlusLabels.NotAFace => "not a face (FER+)",
                _ => null,
            };
            if (reason is not null)
            {
                excluded[reason] = excluded.GetValueOrDefault(reason) + 1;
                continue;
            }
            kept.Add(index);
            truth.Add(label);
        }
        return new LabelledFaces(path, split.ToString(), dataset.Subset(kept).Pixels.ToArray(), [.. truth], FerPlusLabels.Labels, excluded);
    }
}
