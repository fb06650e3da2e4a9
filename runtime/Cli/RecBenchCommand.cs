using System.CommandLine;
using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Music.Measuring;

namespace FerMusic.Runtime.Cli;

/// <summary><c>recbench</c>: the recommender measured on simulated listening sessions, as a Markdown table.</summary>
public static class RecBenchCommand
{
    public static Command Create()
    {
        var catalog = new Option<string?>("--catalog") { Description = "Music catalogue CSV (default: the shipped data/catalog.csv)." };
        var command = new Command("recbench",
            "Measure the recommender on simulated sessions with a steady mood, per emotion and strategy: distance of picks 1-50 to their " +
            "target, variety per 10 tracks over 500, tracks until the first repeat, Iso's valence step per track, and how many of the next " +
            "10 tracks one like or one skip changes. Deterministic; prints Markdown.");
        command.Options.Add(catalog);
        command.SetAction(parse =>
        {
            var music = MusicCatalog.Load(parse.GetValue(catalog) ?? RuntimeAssets.DefaultCatalog);
            var bench = new RecommendationBench(new Recommender(music));
            var coverage = bench.Coverage();
            Console.WriteLine($"Catalogue: {music.Tracks.Count} tracks, {music.Tracks.Select(t => t.MainArtist).Distinct().Count()} artists, " +
                              $"{coverage.Filled} of the 100 valence/energy cells (0.1 x 0.1) filled, {music.Problems.Count} rows left out.");
            Console.WriteLine();
            Console.WriteLine("| emotion | strategy | distance 1-50 | valence 1-10 | artists /10 (min) | repeated titles /10 (max) | until repeat | Iso step | like: changed (towards) /10 | skip: replaced, changed /10 |");
            Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var strategy in Enum.GetValues<MusicStrategy>())
            {
                foreach (var emotion in RecommendationBench.Emotions)
                {
                    var m = bench.Measure(emotion, strategy);
                    var iso = strategy != MusicStrategy.Iso ? "" : m.MaxIsoStep == 0 ? "at goal" : $"{m.MinIsoStep:0.00}-{m.MaxIsoStep:0.00}";
                    Console.WriteLine($"| {emotion} | {strategy.ToString().ToLowerInvariant()} | {m.MeanDistance:0.000} | {m.MeanValence:0.00} | {m.MinArtistsPer10} | " +
                                      $"{m.MaxDuplicateTitlesPer10} | {m.TracksUntilRepeat} | {iso} | {m.LikeChanges} ({m.LikeTowards}) | {(m.SkipReplaces ? "yes" : "no")}, {m.SkipChanges} |");
                }
            }
            Console.WriteLine();
            Console.WriteLine($"Angry and fear share {bench.Shared("angry", "fear")} of their first 10 tracks (Match); " +
                              $"angry and disgust {bench.Shared("angry", "disgust")}; sad and neutral {bench.Shared("sad", "neutral")}.");
            return 0;
        });
        return command;
    }
}
