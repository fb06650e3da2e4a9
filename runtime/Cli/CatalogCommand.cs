using System.CommandLine;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Music.Building;

namespace FerMusic.Runtime.Cli;

/// <summary><c>catalog</c>: builds the music catalogue from the public chart tables.</summary>
public static class CatalogCommand
{
    public static Command Create()
    {
        var music = new Option<string>("--music") { Description = "Folder with the chart tables spotify_top200_2020_2021.csv, top10s.csv and Spotify-2000.csv.", Required = true };
        var output = new Option<string>("--out") { Description = "Catalogue CSV to write.", DefaultValueFactory = _ => Path.Combine("data", "catalog.csv") };
        var max = new Option<int>("--max-tracks") { Description = "Upper bound on the catalogue's size; the densest valence/energy cells are trimmed first.", DefaultValueFactory = _ => 3000 };
        var command = new Command("catalog",
            "Build the music catalogue from the chart tables: every row checked (the ones left out are listed with their line), " +
            "one song per main artist and normalised title (the most popular version), spread over the valence/energy plane.");
        command.Options.Add(music);
        command.Options.Add(output);
        command.Options.Add(max);
        command.SetAction(parse =>
        {
            var limit = parse.GetValue(max) > 0 ? parse.GetValue(max) : throw new Core.Cli.UserErrorException("--max-tracks must be positive.");
            var build = CatalogBuilder.Build(parse.GetRequiredValue(music), limit);
            foreach (var problem in build.Problems)
            {
                Console.Error.WriteLine($"left out: {problem}");
            }
            var path = parse.GetRequiredValue(output);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            CatalogFile.Write(path, build.Tracks);
            Console.WriteLine($"{build.SourceRows} rows read, {build.Problems.Count} left out, {build.DistinctSongs} distinct songs; " +
                              $"{build.Tracks.Count} tracks written to {path}");
            Console.WriteLine($"valence/energy cells (0.1 x 0.1) filled: {build.Coverage.Filled} of the {build.Coverage.Fillable} the sources can fill");
            Console.WriteLine("genres: " + string.Join(", ", build.Tracks.GroupBy(t => t.Genre).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
            Console.WriteLine("languages: " + string.Join(", ", build.Tracks.GroupBy(t => t.Language).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
            return 0;
        });
        return command;
    }
}
