using System.Globalization;
using CsvHelper;

namespace FerMusic.Eval.Data;

/// <summary>
/// Microsoft's FER+ relabelling of FER2013 (<c>fer2013new.csv</c>): ten annotators' votes per FER2013 row, in the
/// same order. A row's label is the class with the most votes, when that majority is unique and is an emotion
/// (not "unknown" or "not a face").
/// </summary>
public static class FerPlusLabels
{
    /// <summary>FER+'s classes, named as FerMusic names them, in FerMusic's order, with contempt last.</summary>
    public static readonly IReadOnlyList<string> Labels = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral", "contempt"];

    private static readonly (string Column, int Label)[] Columns =
    [
        ("neutral", 6), ("happiness", 3), ("surprise", 5), ("sadness", 4), ("anger", 0), ("disgust", 1), ("fear", 2), ("contempt", 7),
    ];

    public const int NoMajority = -1;
    public const int Unknown = -2;
    public const int NotAFace = -3;

    /// <returns>Per FER2013 row: the index into <see cref="Labels"/>, or <see cref="NoMajority"/>, <see cref="Unknown"/> or <see cref="NotAFace"/>.</returns>
    public static int[] Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"FER+ labels not found: {path} (fer2013new.csv from Microsoft's FERPlus repository).", path);
        }
        using var csv = CsvReader.Create(File.OpenRead(path), new CsvReaderOptions { Separator = ',', TrackLineNumbers = true }, leaveOpen: false);
        var voteColumns = Columns.Select(c => Index(csv, c.Column, path)).ToArray();
        var unknown = Index(csv, "unknown", path);
        var notFace = Index(csv, "NF", path);
        var labels = new List<int>();
        var votes = new int[Columns.Length + 2];
        while (csv.Read())
        {
            for (var i = 0; i < Columns.Length; i++)
            {
                votes[i] = Votes(csv, voteColumns[i], path);
            }
            votes[^2] = Votes(csv, unknown, path);
            votes[^1] = Votes(csv, notFace, path);
            labels.Add(Majority(votes));
        }
        return [.. labels];
    }

    private static int Majority(int[] votes)
    {
        var best = votes.Max();
        if (best == 0 || votes.Count(v => v == best) > 1)
        {
            return NoMajority;
        }
        var winner = Array.IndexOf(votes, best);
        return winner switch
        {
            _ when winner == votes.Length - 2 => Unknown,
            _ when winner == votes.Length - 1 => NotAFace,
            _ => Columns[winner].Label,
        };
    }

    private static int Index(CsvReader csv, string column, string path) =>
        csv.TryGetFieldIndex(column, out var index)
            ? index
            : throw new InvalidDataException($"{path}:1: missing column '{column}'; expected the FER+ header (Usage, Image name, neutral, happiness, ..., unknown, NF).");

    private static int Votes(CsvReader csv, int column, string path)
    {
        var text = System.Text.Encoding.UTF8.GetString(csv.GetSpan(column)).Trim();
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var votes) && votes >= 0
            ? votes
            : throw new InvalidDataException($"{path}:{csv.LineNumber}: vote count '{text}' in column {column + 1}, expected a whole number >= 0.");
    }
}
