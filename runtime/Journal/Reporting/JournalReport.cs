using System.Globalization;
using System.Text;
using ScottPlot;

namespace FerMusic.Runtime.Journal.Reporting;

/// <summary>What <see cref="JournalReport.Write"/> wrote and found.</summary>
public sealed record JournalReportSummary(int Sessions, int Seconds, IReadOnlyDictionary<string, double> EmotionShares, IReadOnlyList<string> Files);

/// <summary>
/// A listener's journal as pictures and tables: mood over time (valence and arousal lines over an emotion band, one
/// stretch per session), each emotion's share of the seconds, the most-liked tracks, and the rows as CSV.
/// </summary>
public static class JournalReport
{
    private static readonly Dictionary<string, string> Colours = new()
    {
        ["angry"] = "#e0605a", ["disgust"] = "#8bbf4a", ["fear"] = "#9a7fd1", ["happy"] = "#f2c14e",
        ["sad"] = "#5b8fd9", ["surprise"] = "#f08bd0", ["neutral"] = "#9aa6b8",
    };

    public static JournalReportSummary Write(MoodJournal journal, string listener, DateTimeOffset? since, string folder)
    {
        Directory.CreateDirectory(folder);
        var export = journal.Export(listener);
        var from = since ?? DateTimeOffset.MinValue;
        var seconds = export.Seconds.Where(s => s.Time >= from).ToList();
        var sessions = export.Sessions.Where(s => s.Started >= from || seconds.Any(x => x.Session == s.Id)).ToList();
        var profile = journal.Profile(listener);
        var withEmotion = seconds.Where(s => s.Emotion is not null).ToList();
        var shares = MoodJournal.Emotions.ToDictionary(e => e, e => withEmotion.Count == 0 ? 0 : (double)withEmotion.Count(s => s.Emotion == e) / withEmotion.Count);

        MoodPlot(seconds, Path.Combine(folder, "mood.png"));
        SharePlot(shares, withEmotion.Count, Path.Combine(folder, "emotions.png"));
        WriteMoodCsv(seconds, Path.Combine(folder, "mood.csv"));
        WriteLikedCsv(profile, Path.Combine(folder, "liked.csv"));
        File.WriteAllText(Path.Combine(folder, "report.md"), Markdown(sessions, seconds.Count, withEmotion.Count, shares, profile, since));
        return new JournalReportSummary(sessions.Count, seconds.Count, shares, ["mood.png", "emotions.png", "mood.csv", "liked.csv", "report.md"]);
    }

    private static void MoodPlot(List<ExportSecond> seconds, string path)
    {
        var plot = new Plot();
        foreach (var session in seconds.GroupBy(s => s.Session))
        {
            var points = session.OrderBy(s => s.Time).ToList();
            // Runs of one emotion as one rectangle of the band below the lines.
            for (var i = 0; i < points.Count;)
            {
                var j = i;
                while (j + 1 < points.Count && points[j + 1].Emotion == points[i].Emotion && (points[j + 1].Time - points[j].Time).TotalSeconds <= 2)
                {
                    j++;
                }
                if (points[i].Emotion is { } emotion)
                {
                    var band = plot.Add.Rectangle(points[i].Time.UtcDateTime.ToOADate(), points[j].Time.AddSeconds(1).UtcDateTime.ToOADate(), -1.25, -1.08);
                    band.FillColor = Color.FromHex(Colours.GetValueOrDefault(emotion, "#9aa6b8"));
                    band.LineWidth = 0;
                }
                i = j + 1;
            }
            foreach (var (name, value, colour) in new[] { ("valence", (Func<ExportSecond, double?>)(s => s.Valence), "#2a9d78"), ("arousal", s => s.Arousal, "#e07b39") })
            {
                var known = points.Where(p => value(p) is not null).ToList();
                if (known.Count == 0)
                {
                    continue;
                }
                var line = plot.Add.ScatterLine(known.Select(p => p.Time.UtcDateTime.ToOADate()).ToArray(), known.Select(p => value(p)!.Value).ToArray());
                line.Color = Color.FromHex(colour);
                line.LineWidth = 1.5f;
                line.LegendText = session.Key == seconds[0].Session ? name : "";
            }
        }
        foreach (var (emotion, colour) in Colours)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = emotion, FillColor = Color.FromHex(colour) });
        }
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.SetLimitsY(-1.3, 1.1);
        plot.YLabel("valence, arousal (-1..1); band: emotion");
        plot.Title(seconds.Count == 0 ? "Mood over time (no recorded seconds)" : "Mood over time");
        plot.SavePng(path, 1200, 450);
    }

    private static void SharePlot(Dictionary<string, double> shares, int count, string path)
    {
        var plot = new Plot();
        var bars = shares.Select((pair, i) => new Bar
        {
            Position = i,
            Value = pair.Value * 100,
            FillColor = Color.FromHex(Colours.GetValueOrDefault(pair.Key, "#9aa6b8")),
            Label = $"{pair.Value * 100:0}%",
        }).ToList();
        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.FontSize = 12;
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, shares.Count).Select(i => (double)i)], [.. shares.Keys]);
        plot.Axes.SetLimitsY(0, Math.Max(10, shares.Values.DefaultIfEmpty(0).Max() * 115));
        plot.YLabel("% of seconds");
        plot.Title($"Each emotion's share of {count} seconds with an emotion");
        plot.SavePng(path, 900, 450);
    }

    private static void WriteMoodCsv(List<ExportSecond> seconds, string path)
    {
        var text = new StringBuilder("time_utc,session,face,emotion,valence,arousal\n");
        foreach (var s in seconds)
        {
            text.Append(CultureInfo.InvariantCulture, $"{s.Time.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ},{s.Session},{s.Face:0.###},{s.Emotion},{s.Valence:0.###},{s.Arousal:0.###}\n");
        }
        File.WriteAllText(path, text.ToString());
    }

    private static void WriteLikedCsv(TasteProfile profile, string path)
    {
        var text = new StringBuilder("title,artist,likes,skips\n");
        foreach (var t in profile.Tracks.Where(t => t.Likes > 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"{Quote(t.Name)},{Quote(t.Artist ?? "")},{t.Likes},{t.Skips}\n");
        }
        File.WriteAllText(path, text.ToString());
    }

    private static string Quote(string text) => text.IndexOfAny([',', '"', '\n']) >= 0 ? '"' + text.Replace("\"", "\"\"", StringComparison.Ordinal) + '"' : text;

    private static string Markdown(List<SessionSummary> sessions, int seconds, int withEmotion, Dictionary<string, double> shares, TasteProfile profile, DateTimeOffset? since)
    {
        var md = new StringBuilder();
        md.AppendLine("# Mood journal");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{sessions.Count} sessions{(since is { } s ? $" since {s:yyyy-MM-dd}" : "")}, {seconds / 60.0:0.#} minutes recorded, {withEmotion} seconds with a recognised emotion.");
        md.AppendLine();
        md.AppendLine("![mood over time](mood.png)");
        md.AppendLine();
        md.AppendLine("| emotion | share of seconds |");
        md.AppendLine("| --- | ---: |");
        foreach (var (emotion, share) in shares.OrderByDescending(p => p.Value))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {emotion} | {share * 100:0.0}% |");
        }
        md.AppendLine();
        md.AppendLine("![each emotion's share](emotions.png)");
        md.AppendLine();
        md.AppendLine("## Most-liked tracks");
        md.AppendLine();
        var liked = profile.Tracks.Where(t => t.Likes > 0).Take(20).ToList();
        if (liked.Count == 0)
        {
            md.AppendLine("None yet.");
        }
        else
        {
            md.AppendLine("| track | artist | likes |");
            md.AppendLine("| --- | --- | ---: |");
            foreach (var t in liked)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {t.Name} | {t.Artist} | {t.Likes} |");
            }
        }
        md.AppendLine();
        md.AppendLine("## Taste");
        md.AppendLine();
        md.AppendLine($"Top artists: {string.Join(", ", profile.Artists.Where(a => a.Likes > 0).Take(10).Select(a => $"{a.Name} ({a.Likes})"))}.");
        md.AppendLine($"Skipped most: {string.Join(", ", profile.Artists.Where(a => a.Skips > 0).OrderByDescending(a => a.Skips).Take(10).Select(a => $"{a.Name} ({a.Skips})"))}.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Likes pull towards valence {profile.ValenceDirection:+0.00;-0.00;0}, energy {profile.EnergyDirection:+0.00;-0.00;0}, power {profile.PowerDirection:+0.00;-0.00;0} from the targets.");
        md.AppendLine();
        md.AppendLine("Tables: `mood.csv` (every second), `liked.csv` (liked tracks).");
        return md.ToString();
    }
}
