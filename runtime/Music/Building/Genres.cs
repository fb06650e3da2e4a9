namespace FerMusic.Runtime.Music.Building;

/// <summary>
/// Broad genre families and languages inferred from a source's style name ("italian pop" is pop, in Italian). A style
/// that names no language is taken as English, which most of the chart songs in the sources are.
/// </summary>
public static class Genres
{
    // Checked in order: the first family with a matching word wins ("dance pop" is pop, "latin hip hop" is latin).
    private static readonly (string Family, string[] Words)[] Families =
    [
        ("latin", ["latin", "reggaeton", "urbano", "bachata", "salsa", "cumbia", "banda", "corrido", "mexican", "sertanejo", "funk carioca", "brazilian", "perreo", "trap argentino", "trap chileno"]),
        ("metal", ["metal"]),
        ("hip hop", ["hip hop", "rap", "trap", "drill", "grime"]),
        ("pop", ["dance pop", "k-pop", "boy band", "girl group"]),
        ("r&b & soul", ["r&b", "soul", "funk", "motown", "quiet storm", "disco"]),
        ("country", ["country"]),
        ("jazz & standards", ["jazz", "adult standards", "swing", "big band", "easy listening", "lounge", "crooner"]),
        ("dance & electronic", ["edm", "house", "techno", "trance", "electro", "dance", "dubstep", "big room", "drum and bass", "dnb", "brostep"]),
        ("rock & indie", ["rock", "punk", "grunge", "indie", "alternative", "alt ", "britpop", "emo", "new wave", "post-", "beatlesque", "mod revival"]),
        ("folk & acoustic", ["folk", "singer-songwriter", "acoustic", "americana", "mellow", "cabaret", "levenslied", "chanson", "sertanejo"]),
        ("reggae & afro", ["reggae", "dancehall", "afro", "ska"]),
        ("soundtrack & classical", ["classical", "soundtrack", "orchestra", "score", "broadway", "show tunes", "hollywood"]),
        ("pop", ["pop", "neo mellow", "idol", "boy", "girl"]),
    ];

    private static readonly (string Language, string[] Words)[] Languages =
    [
        ("es", ["latin", "reggaeton", "spanish", "mexican", "argentin", "colombian", "puerto rican", "chilean", "perreo", "urbano", "bachata", "salsa", "cumbia", "banda", "corrido", "flamenco", "venezuelan", "dominican", "peruvian"]),
        ("pt", ["brazilian", "sertanejo", "funk carioca", "pagode", "mpb", "funk paulista", "funk mtg", "portuguese", "brega"]),
        ("it", ["italian", "italiano"]),
        ("ko", ["k-pop", "korean", "k-rap"]),
        ("ja", ["j-pop", "japanese", "anime", "j-rock"]),
        ("de", ["german", "deutsch", "schlager"]),
        ("fr", ["french", "francoton", "chanson", "rap francais", "pop urbaine"]),
        ("nl", ["dutch", "levenslied", "nederpop", "carnaval limburg"]),
        ("tr", ["turkish"]),
        ("hi", ["indian", "bollywood", "filmi", "desi"]),
        ("sv", ["swedish"]),
    ];

    public static string FamilyOf(string style) => Find(Families, style) ?? "other";

    public static string LanguageOf(string style) => Find(Languages, style) ?? "en";

    private static string? Find((string Name, string[] Words)[] table, string style)
    {
        var text = " " + style.ToLowerInvariant() + " ";
        foreach (var (name, words) in table)
        {
            if (words.Any(text.Contains))
            {
                return name;
            }
        }
        return null;
    }
}
