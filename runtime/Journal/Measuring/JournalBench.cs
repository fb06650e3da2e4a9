using System.Diagnostics;
using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Pipeline;
using FerMusic.Runtime.Smoothing;

namespace FerMusic.Runtime.Journal.Measuring;

/// <summary>What recording costs: time added to each frame, and the file's growth per hour of use.</summary>
public sealed record JournalBenchResult(double Hours, int Frames, double P50Microseconds, double P95Microseconds, double MaxMicroseconds,
    long Bytes, long EmptyBytes, int Seconds, int TrackEvents, long Lost)
{
    /// <summary>Growth of the file per hour of use, beyond the empty journal's size.</summary>
    public double KilobytesPerHour => (Bytes - EmptyBytes) / 1024.0 / Hours;
}

/// <summary>
/// Simulated use of the journal on a real file: a page at <see cref="FramesPerSecond"/> frames a second whose mood
/// drifts, a new track every 3.5 minutes (played, with four shown), a like every 10 minutes. Every frame's call into
/// the journal is timed (that is all the frame path pays: the writer runs on its own thread meanwhile). The clock is
/// simulated, so an hour takes seconds.
/// </summary>
public static class JournalBench
{
    public const int FramesPerSecond = 10;

    public static async Task<JournalBenchResult> RunAsync(string path, double hours, MusicCatalog catalog)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
        long empty;
        await using (MoodJournal.Open(path))
        {
        }
        empty = new FileInfo(path).Length;

        var clock = new SimulatedClock(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var frames = (int)Math.Round(hours * 3600 * FramesPerSecond);
        var ticks = new long[frames];
        var random = new Random(7);
        var reports = Enumerable.Range(0, 7).Select(e => Report(e, random)).ToArray();
        var trackEvents = 0;
        long lost;
        await using (var journal = MoodJournal.Open(path))
        {
            if (!journal.Enabled)
            {
                throw new InvalidOperationException(journal.Problem);
            }
            using (var session = journal.StartSession("bench", "browser", MoodJournal.Emotions, clock)!)
            {
                for (var f = 0; f < frames; f++)
                {
                    var report = reports[(f / (FramesPerSecond * 20)) % reports.Length];
                    var start = Stopwatch.GetTimestamp();
                    session.Frame(report);
                    ticks[f] = Stopwatch.GetTimestamp() - start;
                    if (f % (FramesPerSecond * 210) == 0)
                    {
                        var tracks = Enumerable.Range(0, 5).Select(i => new QueuedTrack(catalog.Tracks[random.Next(catalog.Tracks.Count)], new MusicTarget(0.6, 0.5, 0.5), 0.05)).ToList();
                        session.Track("played", tracks[0], report.Mood, MusicStrategy.Match);
                        session.Shown(tracks.Skip(1), report.Mood, MusicStrategy.Match);
                        trackEvents += 5;
                    }
                    if (f % (FramesPerSecond * 600) == FramesPerSecond * 300)
                    {
                        session.Track("liked", new QueuedTrack(catalog.Tracks[random.Next(catalog.Tracks.Count)], new MusicTarget(0.6, 0.5, 0.5), 0.05), report.Mood, MusicStrategy.Match);
                        trackEvents++;
                    }
                    clock.Advance(TimeSpan.FromSeconds(1.0 / FramesPerSecond));
                }
            }
            await journal.FlushAsync();
            lost = journal.Lost;
        }
        Array.Sort(ticks);
        double Micro(long t) => t * 1e6 / Stopwatch.Frequency;
        var bytes = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
        return new JournalBenchResult(hours, frames, Micro(ticks[frames / 2]), Micro(ticks[(int)(frames * 0.95)]), Micro(ticks[^1]), bytes, empty,
            (int)Math.Round(hours * 3600), trackEvents, lost);
    }

    private static FrameReport Report(int emotion, Random random)
    {
        var probabilities = new float[7];
        for (var i = 0; i < 7; i++)
        {
            probabilities[i] = (float)random.NextDouble() * 0.1f;
        }
        probabilities[emotion] = 0.7f;
        return new FrameReport(0, [], new SmoothedState(EmotionStatus.Emotion, emotion, probabilities),
            new Affect(random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1), false, null, default);
    }

    /// <summary>A clock that moves only when told.</summary>
    private sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
