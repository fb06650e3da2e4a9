using System.Globalization;
using CsvHelper;

namespace FerMusic.Core.FerPlus;

/// <summary>
/// Microsoft's FER+ relabelling of FER2013 (<c>fer2013new.csv</c>): ten annotators' votes per FER2013 row, in the
/// same order, over the seven FER2013 emotions, contempt, "unknown" and "not a face".
/// </summary>
public sealed class FerPlusVotes
{
    /// <summary>The vote columns, FerMusic's emotions first in their order, then contempt, unknown and not-a-face.</summary>
    public static readonly IReadOnlyList<string> Classes = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral", "contempt", "unknown", "not a face"];

    public const int Contempt = 7;
    public const int Unknown = 8;
    public const int NotAFace = 9;

    private static readonly string[] Columns = ["anger", "disgust", "fear", "happiness", "sadness", "surprise", "neutral", "contempt", "unknown", "NF"];

    private readonly int[] _votes;

    private FerPlusVotes(int[] votes) => _votes = votes;

    public int Count => _votes.Length / Classes.Count;

    /// <summary>The votes of FER2013 row <paramref name="row"/>, indexed like <see cref="Classes"/>.</summary>
    public ReadOnlySpan<int> Of(int row) => _votes.AsSpan(row * Classes.Count, Classes.Count);

    /// <summary>
    /// The share of row <paramref name="row"/>'s votes each of the seven FER2013 emotions got, written into
    /// <paramref name="destination"/>; false (and nothing written) when no annotator chose one of them.
    /// </summary>
    public bool TryEmotionShares(int row, Span<float> destination)
    {
        var votes = Of(row);
        var total = 0;
        for (var c = 0; c < EmotionLabels.Count; c++)
        {
            total += votes[c];
        }
        if (total == 0)
        {
            return false;
        }
        for (var c = 0; c < EmotionLabels.Count; c++)
        {
            destination[c] = (float)votes[c] / total;
        }
        return true;
    }

    public static FerPlusVotes Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"FER+ votes not found: {path} (fer2013new.csv from Microsoft's FERPlus repository).", path);
        }
        using var csv = CsvReader.Create(File.OpenRead(path), new CsvReaderOptions { Separator = ',', TrackLineNumbers = true }, leaveOpen: false);
        var columns = Columns.Select(column => csv.TryGetFieldIndex(column, out var index)
            ? index
            : throw new InvalidDataException($"{path}:1: missing column '{column}'; expected the FER+ header (Usage, Image name, neutral, happiness, ..., unknown, NF).")).ToArray();
        var votes = new List<int>();
        while (csv.Read())
        {
            foreach (var column in columns)
            {
                var text = System.Text.Encoding.UTF8.GetString(csv.GetSpan(column)).Trim();
                votes.Add(int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 0
                    ? count
                    : throw new InvalidDataException($"{path}:{csv.LineNumber}: vote count '{text}' in column {column + 1}, expected a whole number >= 0."));
            }
        }
        return new FerPlusVotes([.. votes]);
    }
}
