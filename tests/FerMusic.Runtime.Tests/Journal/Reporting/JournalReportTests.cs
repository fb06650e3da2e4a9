using FerMusic.Runtime.Journal;
using FerMusic.Runtime.Journal.Reporting;
using FerMusic.Runtime.Tests.Music;
using FerMusic.Tests;
using Microsoft.Extensions.Time.Testing;

namespace FerMusic.Runtime.Tests.Journal.Reporting;

public sealed class JournalReportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_report_has_mood_over_time_the_emotion_shares_and_the_liked_tracks()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var liked = TestCatalogs.Grid().Tracks[7];
        await using var journal = MoodJournal.Open(_temp.File("journal.db"));
        JournalData.Write(journal, "local", time, seconds: 30, liked);
        time.Advance(TimeSpan.FromDays(2));
        JournalData.Write(journal, "local", time, seconds: 20);
        JournalData.Write(journal, "someone else", time, seconds: 50);
        await journal.FlushAsync(TestContext.Current.CancellationToken);
        var folder = _temp.File("report");

        var summary = JournalReport.Write(journal, "local", null, folder);
        var recent = JournalReport.Write(journal, "local", new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), _temp.File("recent"));

        Assert.Equal((2, 50), (summary.Sessions, summary.Seconds));
        Assert.Equal((1, 20), (recent.Sessions, recent.Seconds));
        Assert.Equal(1.0, summary.EmotionShares["happy"], 3);
        foreach (var file in summary.Files)
        {
            Assert.True(new FileInfo(Path.Combine(folder, file)).Length > 0, file);
        }
        Assert.Equal(51, File.ReadAllLines(Path.Combine(folder, "mood.csv")).Length);
        Assert.Contains($"{liked.Title},{liked.Artist},1,0", File.ReadAllLines(Path.Combine(folder, "liked.csv")));
        var report = await File.ReadAllTextAsync(Path.Combine(folder, "report.md"), TestContext.Current.CancellationToken);
        Assert.Contains("| happy | 100.0% |", report);
        Assert.Contains($"| {liked.Title} | {liked.Artist} | 1 |", report);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(folder, "mood.png")).Take(4));
    }
}
