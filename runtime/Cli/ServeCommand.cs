using System.CommandLine;
using FerMusic.Core.Cli;
using FerMusic.Runtime.Journal;
using FerMusic.Runtime.Web;

namespace FerMusic.Runtime.Cli;

/// <summary>The root command: serve the web app.</summary>
public static class ServeCommand
{
    /// <summary>Runs the program: errors end as <see cref="CommandErrors"/> says (one line and exit 1, or a bug's stack trace and exit 70).</summary>
    public static int Run(string[] args) =>
        CommandErrors.Run(() => Create().Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));

    public static RootCommand Create()
    {
        var common = new RuntimeOptions();
        var urls = new Option<string[]>("--urls") { Description = "Addresses to listen on (loopback by default; bind others deliberately).", DefaultValueFactory = _ => ["http://127.0.0.1:5000"], AllowMultipleArgumentsPerToken = true };
        var source = new Option<string?>("--source") { Description = "Server camera mode: read this camera index, file or URL on the server and stream it to the page; a file plays at its own frame rate, over and over (default: each page uses its own camera)." };
        var journal = new Option<string?>("--journal") { Description = $"The mood journal's SQLite file (default: {JournalOptions.DefaultPath}); it keeps sessions, each second's mood and the tracks, never a picture." };
        var noJournal = new Option<bool>("--no-journal") { Description = "Record nothing: no journal, no taste kept between sessions." };
        var root = new RootCommand(
            "FerMusic: recognise facial expressions and recommend music for the mood.\n" +
            "Without a command, serves the web app on http://127.0.0.1:5000: open it in a browser and allow the camera.");
        root.Options.Add(urls);
        root.Options.Add(source);
        root.Options.Add(journal);
        root.Options.Add(noJournal);
        common.AddTo(root);
        root.SetAction(parse =>
        {
            using var factory = common.Factory(parse);
            var sourceValue = parse.GetValue(source);
            var app = WebServer.Build(factory, web => web.Source = sourceValue ?? web.Source, parse.GetValue(urls), journal: options =>
            {
                options.Path = parse.GetValue(journal) ?? options.Path;
                options.Enabled &= !parse.GetValue(noJournal);
            });
            var moodJournal = app.Services.GetRequiredService<MoodJournal>();
            Console.WriteLine(moodJournal.Problem is { } problem ? "Journal off: " + problem
                : moodJournal.Path is { } path ? $"Journal: {path}" : "Journal off (--no-journal).");
            app.Lifetime.ApplicationStarted.Register(() =>
                Console.WriteLine($"FerMusic is serving {string.Join(", ", app.Urls)} with {Path.GetFileName(factory.Model.Path)}; Ctrl+C stops it."));
            app.Run();
            return 0;
        });
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(LoadTestCommand.Create());
        root.Subcommands.Add(CatalogCommand.Create());
        root.Subcommands.Add(RecBenchCommand.Create());
        root.Subcommands.Add(JournalCommand.Create());
        root.Subcommands.Add(JournalCommand.CreateBench());
        return root;
    }
}
