using FerMusic.Core.FerPlus;

namespace FerMusic.Eval.Data;

/// <summary>
/// FER+ majority labels: a FER2013 row's label is the class with the most votes (<see cref="FerPlusVotes"/>), when
/// that majority is unique and is an emotion (not "unknown" or "not a face").
/// </summary>
public static class FerPlusLabels
{
    /// <summary>FER+'s classes, named as FerMusic names them, in FerMusic's order, with contempt last.</summary>
    public static readonly IReadOnlyList<string> Labels = [.. FerPlusVotes.Classes.Take(FerPlusVotes.Contempt + 1)];

    public const int NoMajority = -1;
    public const int Unknown = -2;
    public const int NotAFace = -3;

    /// <returns>Per FER2013 row: the index into <see cref="Labels"/>, or <see cref="NoMajority"/>, <see cref="Unknown"/> or <see cref="NotAFace"/>.</returns>
    public static int[] Read(string path)
    {
        var votes = FerPlusVotes.Read(path);
        return [.. Enumerable.Range(0, votes.Count).Select(row => Majority(votes.Of(row)))];
    }

    private static int Majority(ReadOnlySpan<int> votes)
    {
        var best = 0;
        var winner = -1;
        var tied = false;
        for (var c = 0; c < votes.Length; c++)
        {
            if (votes[c] > best)
            {
                (best, winner, tied) = (votes[c], c, false);
            }
            else if (votes[c] == best && best > 0)
            {
                tied = true;
            }
        }
        return winner switch
        {
            _ when best == 0 || tied => NoMajority,
            FerPlusVotes.Unknown => Unknown,
            FerPlusVotes.NotAFace => NotAFace,
            _ => winner,
        };
    }
}
