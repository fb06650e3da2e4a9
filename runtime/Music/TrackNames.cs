using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FerMusic.Runtime.Music;

/// <summary>
/// How two credits or titles are compared: one song under different spellings ("Starboy" and "Starboy (feat. Daft
/// Punk)", "Poblado" and "Poblado - Remix") has one normalised title, and a credit is split into its artists
/// ("Lil Nas X, Jack Harlow" and "Jack Harlow feat. Lil Nas X" share both).
/// </summary>
public static partial class TrackNames
{
    /// <summary>The title without featured artists, version suffixes, accents, case and punctuation.</summary>
    public static string NormaliseTitle(string title)
    {
        var text = Bracketed().Replace(title, " ");
        text = VersionSuffix().Replace(text, " ");
        text = Featuring().Replace(text, " ");
        var folded = Fold(text);
        return folded.Length > 0 ? folded : Fold(title);
    }

    /// <summary>Each artist of a credit, normalised, the main artist first.</summary>
    public static string[] SplitArtists(string credit) =>
        [.. CreditSeparators().Split(credit).Select(Fold).Where(a => a.Length > 0).Distinct()];

    // Latin letters with accents and their plain forms (the app runs with invariant globalization, without Unicode
    // normalisation tables).
    private const string Accented = "àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿźżž";
    private const string Plain = "aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz";

    /// <summary>Lower case, accents removed, anything but letters and digits turned into single spaces.</summary>
    public static string Fold(string text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var original in text)
        {
            var c = char.ToLowerInvariant(original);
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (space && result.Length > 0)
                {
                    result.Append(' ');
                }
                var plain = Accented.IndexOf(c);
                result.Append(plain >= 0 ? Plain[plain] : c);
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return result.ToString();
    }

    // "(feat. X)", "[Remastered 2011]", "(with Justin Bieber)", "(From the film ...)": anything in brackets.
    [GeneratedRegex(@"[\(\[][^\)\]]*[\)\]]")]
    private static partial Regex Bracketed();

    // " - Remix", " - Radio Edit", " - 2011 Remaster", " - Live at ...", " - From ...": a dash and what follows.
    [GeneratedRegex(@"\s+[-–—]\s+.*$")]
    private static partial Regex VersionSuffix();

    [GeneratedRegex(@"\s(feat\.?|ft\.?|featuring)\s.*$", RegexOptions.IgnoreCase)]
    private static partial Regex Featuring();

    [GeneratedRegex(@"\s*(?:,|&|\+|/|;|\s(?:feat\.?|ft\.?|featuring|with|vs\.?)\s)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex CreditSeparators();
}
