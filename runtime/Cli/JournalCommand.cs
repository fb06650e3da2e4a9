using System.CommandLine;
using System.Globalization;
using FerMusic.Core.Cli;
using FerMusic.Runtime.Journal;
using FerMusic.Runtime.Journal.Measuring;
using FerMusic.Runtime.Journal.Reporting;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Web.Security;

namespace FerMusic.Runtime.Cli;

/// <summary><c>journal</c>: a report of the mood journal; <c>journalbench</c>: what recording costs.</summary>
public static class JournalCommand
{
    public static Command Create()
    {
        var path = new Option<string?>("--journal") { Description = $"The journal file (default: {JournalOptions.DefaultPath})." };
        var listener = new Option<string>("--listener") { Description = "Whose journal: \"local\" (the page on loopback) or a browser's id.", DefaultValueFactory = _ => ListenerIdentity.Local };
        var since = new Option<string?>("--since") { Description = "Only from this day on (yyyy-mm-dd, UTC)." };
        var output = new Option<string>("--out") { Description = "Output directory.", Required = true };
        var command = new Command("journal",
            "Report the mood journal: mood over time (mood.png), each emotion's share (emotions.png), the most-liked tracks (liked.csv), " +
            "every second (mood.csv) and report.md.\n\nExample:\n  dotnet run --project runtime -c Release -- journal --since 2026-12-01 --out runs/journal");
        command.Options.Add(path);
        command.Options.Add(listener);
        command.Options.Add(since);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellation) =>
        {
            DateTimeOffset? from = null;
            if (parse.GetValue(since) is { } day)
            {
                from = DateTimeOffset.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : throw new UserErrorException($"--since: '{day}' is not a day (yyyy-mm-dd).");
            }
            var file = parse.GetValue(path) ?? JournalOptions.DefaultPath;
            if (!File.Exists(file))
            {
                throw new UserErrorException($"--journal: {file} does not exist (the web app creates it when it first runs with a journal).");
            }
            await using var journal = MoodJournal.Open(file);
            if (!journal.Enabled)
            {
                throw new UserErrorException(journal.Problem!);
            }
            var folder = parse.GetValue(output)!;
            var summary = JournalReport.Write(journal, parse.GetValue(listener)!, from, folder);
            Console.WriteLine($"{summary.Sessions} sessions, {summary.Seconds / 60.0:0.#} minutes; " +
                              string.Join(", ", summary.EmotionShares.Where(s => s.Value > 0).OrderByDescending(s => s.Value).Select(s => $"{s.Key} {s.Value * 100:0}%")));
            Console.WriteLine($"wrote {string.Join(", ", summary.Files)} to {folder}");
            return 0;
        });
        return command;
    }

    public static Command CreateBench()
    {
        var hours = new Option<double>("--hours") { Description = "Hours of use to simulate.", DefaultValueFactory = _ => 1 };
        var file = new Option<string?>("--journal") { Description = "Journal file to write (default: a new file in the temp folder, deleted after)." };
        var command = new Command("journalbench",
            "Measure what the journal costs: the time each frame's recording adds to the frame path (p50/p95/max) and how much the file " +
            $"grows per hour, on a real SQLite file with simulated use ({JournalBench.FramesPerSecond} frames/s, a track every 3.5 min, a like every 10 min).");
        command.Options.Add(hours);
        command.Options.Add(file);
        command.SetAction(async (parse, cancellation) =>
        {
            var span = parse.GetValue(hours);
            if (span is <= 0 or > 100)
            {
                throw new UserErrorException($"--hours: {span} is outside 0..100.");
            }
            var temporary = parse.GetValue(file) is null;
            var target = parse.GetValue(file) ?? Path.Combine(Path.GetTempPath(), $"fermusic-journalbench-{Environment.ProcessId}.db");
            try
            {
                var r = await JournalBench.RunAsync(target, span, MusicCatalog.Load(RuntimeAssets.DefaultCatalog));
                Console.WriteLine($"{r.Hours:0.##} h simulated: {r.Frames} frames, {r.Seconds} seconds, {r.TrackEvents} track events, {r.Lost} lost");
                Console.WriteLine($"frame path: +{r.P50Microseconds / 1000:0.0000} ms p50, +{r.P95Microseconds / 1000:0.0000} ms p95, +{r.MaxMicroseconds / 1000:0.000} ms max per frame");
                Console.WriteLine($"file: {r.Bytes / 1024.0:0} KB ({r.EmptyBytes / 1024.0:0} KB empty): grows {r.KilobytesPerHour:0} KB per hour");
            }
            finally
            {
                if (temporary)
                {
                    foreach (var f in new[] { target, target + "-wal", target + "-shm" })
                    {
                        File.Delete(f);
                    }
                }
            }
            return 0;
        });
        return command;
    }
}
