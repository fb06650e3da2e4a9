using FerMusic.Runtime.Journal;
using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Tests.Music;
using FerMusic.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace FerMusic.Runtime.Tests.Journal;

/// <summary>The journal on a real SQLite file: schema, migration, restart, delete, and files it cannot use.</summary>
public sealed class MoodJournalTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    private string File => _temp.File("journal.db");

    private static void Sql(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    [Fact]
    public async Task A_new_file_gets_the_current_schema_in_WAL_mode()
    {
        await using (var journal = MoodJournal.Open(File))
        {
            Assert.True(journal.Enabled, journal.Problem);
        }

        Assert.Equal(JournalSchema.Version, Scalar(File, "PRAGMA user_version"));
        Assert.Equal(3, Scalar(File, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('sessions', 'mood_seconds', 'track_events')"));
        using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        connection.Open();
        using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", mode.ExecuteScalar());
    }

    [Fact]
    public async Task A_file_of_the_first_version_is_migrated_and_keeps_its_rows()
    {
        using (var connection = new SqliteConnection($"Data Source={File};Pooling=False"))
        {
            connection.Open();
            JournalSchema.Migrate(connection, target: 1);
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO sessions (id, listener, started_utc, mode) VALUES (7, 'local', '2026-11-30T10:00:00.000Z', 'browser');
                INSERT INTO track_events (session_id, at_utc, kind, title, artist, genre, valence, energy, power, strategy)
                VALUES (7, '2026-11-30T10:00:05.000Z', 'liked', 'Song', 'Band', 'pop', 0.9, 0.6, 0.4, 'match');
                """;
            insert.ExecuteNonQuery();
        }
        Assert.Equal(1, Scalar(File, "PRAGMA user_version"));

        await using var journal = MoodJournal.Open(File);

        Assert.True(journal.Enabled, journal.Problem);
        Assert.Equal(JournalSchema.Version, Scalar(File, "PRAGMA user_version"));
        var session = Assert.Single(journal.Sessions("local"));
        Assert.Equal(7, session.Id);
        Assert.Equal(1, session.TracksLiked);
        // A like written before targets were kept counts against the track's own place.
        var feedback = Assert.Single(journal.Profile("local").Feedback);
        Assert.Equal(0.9, feedback.TargetValence, 3);
        // New sessions are numbered after the old ones.
        Assert.Equal(8, journal.StartSession("local", "browser", JournalData.Labels, _time)!.Id);
    }

    [Fact]
    public async Task A_session_written_is_read_back_after_a_restart_with_its_timeline_history_and_taste()
    {
        var liked = TestCatalogs.Grid().Tracks[5];
        long id;
        await using (var journal = MoodJournal.Open(File))
        {
            id = JournalData.Write(journal, "local", _time, seconds: 5, liked);
        }

        await using var reopened = MoodJournal.Open(File);

        var session = Assert.Single(reopened.Sessions("local"));
        Assert.Equal(id, session.Id);
        Assert.Equal(5, session.Seconds);
        Assert.Equal(5, session.FaceSeconds);
        Assert.Equal("happy", session.TopEmotion);
        Assert.Equal((1, 1), (session.TracksPlayed, session.TracksLiked));
        Assert.NotNull(session.Ended);
        var timeline = reopened.Timeline("local", id)!;
        Assert.Equal([0L, 1, 2, 3, 4], timeline.Seconds.Select(s => s.T));
        Assert.All(timeline.Seconds, s => Assert.Equal(0.8, s.Valence!.Value, 3));
        Assert.Equal(["played", "liked"], timeline.Tracks.Select(t => t.Kind));
        var profile = reopened.Profile("local");
        Assert.Equal(liked.Artist, Assert.Single(profile.Artists).Name);
        Assert.Equal(liked.Title, Assert.Single(profile.Tracks).Name);
        Assert.Empty(reopened.Sessions("someone else"));
        Assert.Null(reopened.Timeline("someone else", id));
    }

    [Fact]
    public async Task A_second_is_summed_from_its_frames_with_the_share_that_had_a_face()
    {
        await using var journal = MoodJournal.Open(File);
        long id;
        using (var session = journal.StartSession("local", "browser", JournalData.Labels, _time)!)
        {
            id = session.Id;
            _time.Advance(TimeSpan.FromMilliseconds(-_time.GetUtcNow().Millisecond));
            // One second: 2 frames sad (0.6), 2 frames happy (0.8), 1 frame without a face.
            session.Frame(JournalData.Frame(4, 0.6f, valence: -0.6));
            session.Frame(JournalData.Frame(4, 0.6f, valence: -0.6));
            session.Frame(JournalData.Frame(3, 0.8f, valence: 0.8));
            session.Frame(JournalData.Frame(3, 0.8f, valence: 0.8));
            session.Frame(JournalData.NoFace);
        }
        await journal.FlushAsync(Cancel);

        var second = Assert.Single(journal.Export("local").Seconds);
        Assert.Equal(0.8, second.Face, 3);
        Assert.Equal(0.1, second.Valence!.Value, 3);
        Assert.Equal((0.8 + 0.8 + 0.4 / 6 * 2) / 4, second.Probabilities["happy"]!.Value, 2);
        Assert.Equal((0.6 + 0.6 + 0.2 / 6 * 2) / 4, second.Probabilities["sad"]!.Value, 2);
        Assert.Contains(second.Emotion, new[] { "happy", "sad" });
        Assert.Equal(id, second.Session);
    }

    [Fact]
    public async Task Deleting_everything_leaves_none_of_the_listeners_rows_and_a_smaller_file()
    {
        const string Me = "forget-me-7f3a";
        await using var journal = MoodJournal.Open(File);
        var liked = TestCatalogs.Grid().Tracks[3];
        for (var i = 0; i < 4; i++)
        {
            JournalData.Write(journal, Me, _time, seconds: 300, liked);
        }
        JournalData.Write(journal, "other", _time, seconds: 3, liked);
        await journal.FlushAsync(Cancel);

        var result = journal.DeleteAll(Me);

        Assert.Equal(4, result.Sessions);
        Assert.True(result.BytesAfter < result.BytesBefore, $"{result.BytesBefore} -> {result.BytesAfter} bytes");
        Assert.Equal(result.BytesAfter, journal.Bytes());
        Assert.Empty(journal.Sessions(Me));
        Assert.Equal(0, Scalar(File, $"SELECT COUNT(*) FROM sessions WHERE listener = '{Me}'"));
        Assert.Equal(3, Scalar(File, "SELECT COUNT(*) FROM mood_seconds"));
        Assert.Equal(2, Scalar(File, "SELECT COUNT(*) FROM track_events"));
        Assert.Single(journal.Sessions("other"));
        // The rows are gone from the file itself, not only from view.
        var bytes = System.Text.Encoding.ASCII.GetString(await System.IO.File.ReadAllBytesAsync(File, Cancel));
        Assert.DoesNotContain(Me, bytes, StringComparison.Ordinal);
        Assert.Contains("other", bytes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_still_open_when_its_data_is_deleted_goes_on_recording()
    {
        await using var journal = MoodJournal.Open(File);
        using var open = journal.StartSession("me", "browser", JournalData.Labels, _time)!;
        for (var second = 0; second < 4; second++)
        {
            open.Frame(JournalData.Frame(3, 0.9f));
            _time.Advance(TimeSpan.FromSeconds(1));
        }
        await journal.FlushAsync(Cancel); // seconds 0, 1 and 2 are written; 3 is still being summed

        journal.DeleteAll("me");
        open.Frame(JournalData.Frame(3, 0.9f));
        _time.Advance(TimeSpan.FromSeconds(1));
        open.Frame(JournalData.Frame(3, 0.9f));
        await journal.FlushAsync(Cancel);

        var session = Assert.Single(journal.Sessions("me"));
        Assert.Equal([3L, 4], journal.Timeline("me", session.Id)!.Seconds.Select(s => s.T));
    }

    [Fact]
    public async Task A_corrupt_file_turns_the_journal_off_with_its_reason_and_is_left_as_it_was()
    {
        var junk = Enumerable.Range(0, 8192).Select(i => (byte)(i * 37)).ToArray();
        await System.IO.File.WriteAllBytesAsync(File, junk, Cancel);

        await using var journal = MoodJournal.Open(File);

        Assert.False(journal.Enabled);
        Assert.Contains("not a FerMusic journal or it is damaged", journal.Problem);
        Assert.Contains(File, journal.Problem);
        Assert.Null(journal.StartSession("local", "browser", JournalData.Labels, _time));
        Assert.Equal(junk, await System.IO.File.ReadAllBytesAsync(File, Cancel));
    }

    [Fact]
    public async Task A_file_locked_by_another_program_turns_the_journal_off_with_its_reason()
    {
        await using (MoodJournal.Open(File))
        {
        }
        using var other = new SqliteConnection($"Data Source={File};Pooling=False");
        other.Open();
        using (var lockIt = other.CreateCommand())
        {
            lockIt.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;";
            lockIt.ExecuteNonQuery();
        }

        await using var journal = MoodJournal.Open(File);

        Assert.False(journal.Enabled);
        Assert.Contains("locked by another program", journal.Problem);
    }

    [Fact]
    public async Task A_file_from_a_newer_version_is_not_touched()
    {
        Sql(File, $"PRAGMA user_version = {JournalSchema.Version + 1}");

        await using var journal = MoodJournal.Open(File);

        Assert.False(journal.Enabled);
        Assert.Contains("newer FerMusic", journal.Problem);
    }

    [Fact]
    public async Task A_write_that_fails_stops_recording_and_counts_what_was_lost()
    {
        await using var journal = MoodJournal.Open(File);
        using var session = journal.StartSession("local", "browser", JournalData.Labels, _time)!;
        await journal.FlushAsync(Cancel);
        Sql(File, "DROP TABLE mood_seconds");

        for (var s = 0; s < 3; s++)
        {
            session.Frame(JournalData.Frame(3, 0.9f));
            _time.Advance(TimeSpan.FromSeconds(1));
        }
        await journal.FlushAsync(Cancel);
        session.Frame(JournalData.Frame(3, 0.9f));
        _time.Advance(TimeSpan.FromSeconds(1));
        session.Frame(JournalData.Frame(3, 0.9f));

        Assert.False(journal.Enabled);
        Assert.Contains("recording stopped", journal.Problem);
        // Seconds 0 and 1 in the batch that failed, 2 and 3 refused after it.
        Assert.Equal(4, journal.Lost);
    }

    [Fact]
    public async Task A_returning_listeners_likes_and_skips_shape_their_first_tracks()
    {
        var catalog = TestCatalogs.Grid();
        var liked = catalog.Tracks[20];
        var skipped = catalog.Tracks[21];
        await using var journal = MoodJournal.Open(File);
        using (var session = journal.StartSession("me", "browser", JournalData.Labels, _time)!)
        {
            session.Track("liked", new QueuedTrack(liked, new MusicTarget(0.5, 0.5, 0.5), 0), null, MusicStrategy.Match);
            session.Track("skipped", new QueuedTrack(skipped, new MusicTarget(0.5, 0.5, 0.5), 0), null, MusicStrategy.Match);
        }
        await journal.FlushAsync(Cancel);
        var fresh = new ListeningSession();

        var applied = journal.Profile("me").ApplyTo(fresh, catalog);

        Assert.Equal(2, applied);
        Assert.True(fresh.Preference(liked) < 0, "a liked artist is preferred");
        Assert.True(fresh.Preference(skipped) > 0.3, "a skipped artist is avoided");
        Assert.True(fresh.WasSkipped(skipped));
        Assert.Equal(0, journal.Profile("someone else").ApplyTo(new ListeningSession(), catalog));
    }
}
