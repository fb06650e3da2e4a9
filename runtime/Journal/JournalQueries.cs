using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FerMusic.Runtime.Journal;

/// <summary>What the page, the exports and the report read from a journal: always one listener's rows only.</summary>
public static class JournalQueries
{
    /// <summary>The listener's sessions, newest first.</summary>
    public static IReadOnlyList<SessionSummary> Sessions(this MoodJournal journal, string listener, DateTimeOffset? since = null, int limit = 100)
    {
        using var connection = journal.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.id, s.started_utc, s.ended_utc,
              (SELECT COUNT(*) FROM mood_seconds m WHERE m.session_id = s.id),
              (SELECT COUNT(*) FROM mood_seconds m WHERE m.session_id = s.id AND m.face > 0),
              (SELECT emotion FROM mood_seconds m WHERE m.session_id = s.id AND m.emotion IS NOT NULL GROUP BY emotion ORDER BY COUNT(*) DESC, emotion LIMIT 1),
              (SELECT COUNT(*) FROM track_events t WHERE t.session_id = s.id AND t.kind = 'played'),
              (SELECT COUNT(*) FROM track_events t WHERE t.session_id = s.id AND t.kind = 'liked')
            FROM sessions s WHERE s.listener = $listener AND s.started_utc >= $since
            ORDER BY s.started_utc DESC, s.id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$listener", listener);
        command.Parameters.AddWithValue("$since", Time(since ?? DateTimeOffset.MinValue));
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var sessions = new List<SessionSummary>();
        while (reader.Read())
        {
            sessions.Add(new SessionSummary(reader.GetInt64(0), Parse(reader.GetString(1)), reader.IsDBNull(2) ? null : Parse(reader.GetString(2)),
                reader.GetInt32(3), reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt32(6), reader.GetInt32(7)));
        }
        return sessions;
    }

    /// <summary>One of the listener's sessions second by second; null when there is no such session of theirs.</summary>
    public static Timeline? Timeline(this MoodJournal journal, string listener, long session)
    {
        using var connection = journal.Connect();
        using var owner = connection.CreateCommand();
        owner.CommandText = "SELECT started_utc FROM sessions WHERE id = $id AND listener = $listener";
        owner.Parameters.AddWithValue("$id", session);
        owner.Parameters.AddWithValue("$listener", listener);
        if (owner.ExecuteScalar() is not string startedText)
        {
            return null;
        }
        var started = Parse(startedText);
        var origin = started.ToUnixTimeSeconds();
        var seconds = new List<TimelineSecond>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT t, face, emotion, valence, arousal FROM mood_seconds WHERE session_id = $id ORDER BY t";
            command.Parameters.AddWithValue("$id", session);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                seconds.Add(new TimelineSecond(reader.GetInt64(0) - origin, reader.GetDouble(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetDouble(4)));
            }
        }
        var tracks = new List<TimelineTrack>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT at_utc, kind, title, artist FROM track_events WHERE session_id = $id AND kind <> 'shown' ORDER BY at_utc, rowid";
            command.Parameters.AddWithValue("$id", session);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tracks.Add(new TimelineTrack(Math.Round((Parse(reader.GetString(0)) - started).TotalSeconds, 1), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }
        return new Timeline(session, started, seconds, tracks);
    }

    /// <summary>The listener's taste from every like and skip in their journal.</summary>
    public static TasteProfile Profile(this MoodJournal journal, string listener, int feedback = 200)
    {
        using var connection = journal.Connect();
        const string mine = "FROM track_events t JOIN sessions s ON s.id = t.session_id WHERE s.listener = $listener AND t.kind IN ('liked', 'skipped')";
        var artists = Likings(connection, listener, $"SELECT t.artist, SUM(t.kind = 'liked'), SUM(t.kind = 'skipped'), NULL {mine} GROUP BY t.artist");
        var genres = Likings(connection, listener, $"SELECT t.genre, SUM(t.kind = 'liked'), SUM(t.kind = 'skipped'), NULL {mine} GROUP BY t.genre");
        var tracks = Likings(connection, listener, $"SELECT t.title, SUM(t.kind = 'liked'), SUM(t.kind = 'skipped'), t.artist {mine} GROUP BY t.title, t.artist");
        double valence = 0, energy = 0, power = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT AVG((t.valence - t.target_valence) * (CASE t.kind WHEN 'liked' THEN 1 ELSE -1 END)),
                       AVG((t.energy - t.target_energy) * (CASE t.kind WHEN 'liked' THEN 1 ELSE -1 END)),
                       AVG((t.power - t.target_power) * (CASE t.kind WHEN 'liked' THEN 1 ELSE -1 END))
                {mine} AND t.target_valence IS NOT NULL
                """;
            command.Parameters.AddWithValue("$listener", listener);
            using var reader = command.ExecuteReader();
            if (reader.Read() && !reader.IsDBNull(0))
            {
                (valence, energy, power) = (reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2));
            }
        }
        var events = new List<Feedback>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT kind, title, artist, target_valence, target_energy, target_power FROM (
                  SELECT t.kind, t.title, t.artist, COALESCE(t.target_valence, t.valence) AS target_valence,
                         COALESCE(t.target_energy, t.energy) AS target_energy, COALESCE(t.target_power, t.power) AS target_power, t.at_utc, t.rowid AS r
                  {mine} ORDER BY t.at_utc DESC, t.rowid DESC LIMIT $limit)
                ORDER BY at_utc, r
                """;
            command.Parameters.AddWithValue("$listener", listener);
            command.Parameters.AddWithValue("$limit", feedback);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                events.Add(new Feedback(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5)));
            }
        }
        return new TasteProfile(artists, genres, tracks, valence, energy, power, events);
    }

    private static List<Liking> Likings(SqliteConnection connection, string listener, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql + " ORDER BY 2 DESC, 3, 1 LIMIT 50";
        command.Parameters.AddWithValue("$listener", listener);
        using var reader = command.ExecuteReader();
        var list = new List<Liking>();
        while (reader.Read())
        {
            list.Add(new Liking(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return list;
    }

    /// <summary>
    /// Deletes everything of <paramref name="listener"/>'s, then rebuilds the file (VACUUM) and empties its write-ahead log,
    /// so the deleted rows are gone from the disk, not only from view. Sessions still open go on recording from now.
    /// </summary>
    public static DeleteResult DeleteAll(this MoodJournal journal, string listener)
    {
        var before = journal.Bytes();
        int sessions;
        using (var connection = journal.Connect())
        {
            using (var transaction = connection.BeginTransaction())
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.Parameters.AddWithValue("$listener", listener);
                command.CommandText = """
                    DELETE FROM track_events WHERE session_id IN (SELECT id FROM sessions WHERE listener = $listener)
                      OR session_id NOT IN (SELECT id FROM sessions);
                    DELETE FROM mood_seconds WHERE session_id IN (SELECT id FROM sessions WHERE listener = $listener)
                      OR session_id NOT IN (SELECT id FROM sessions);
                    DELETE FROM sessions WHERE listener = $listener;
                    SELECT changes();
                    """;
                sessions = Convert.ToInt32(command.ExecuteScalar());
                transaction.Commit();
            }
            MoodJournal.Execute(connection, "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);");
        }
        foreach (var live in journal.Live(listener))
        {
            journal.Post(live);
        }
        return new DeleteResult(sessions, before, journal.Bytes());
    }

    /// <summary>The file and its write-ahead log, in bytes.</summary>
    public static long Bytes(this MoodJournal journal) =>
        journal.Path is { } path ? Size(path) + Size(path + "-wal") : 0;

    private static long Size(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    /// <summary>Every row of the listener's (<see cref="Export"/>) as CSV: a <c>record</c> column says whether a line is a second or a track.</summary>
    public static void WriteCsv(this MoodJournal journal, string listener, TextWriter writer)
    {
        var export = journal.Export(listener);
        writer.WriteLine("record,session,time_utc,face,emotion," + string.Join(',', MoodJournal.Emotions) + ",valence,arousal,kind,title,artist,genre,strategy");
        foreach (var s in export.Seconds)
        {
            writer.WriteLine(string.Join(',', [
                "second", Cell(s.Session), Time(s.Time), Cell(s.Face), Cell(s.Emotion), .. MoodJournal.Emotions.Select(e => Cell(s.Probabilities[e])),
                Cell(s.Valence), Cell(s.Arousal), "", "", "", "", ""]));
        }
        foreach (var t in export.Tracks)
        {
            writer.WriteLine(string.Join(',', [
                "track", Cell(t.Session), Time(t.Time), "", "", .. MoodJournal.Emotions.Select(_ => ""), Cell(t.MoodValence), Cell(t.MoodArousal),
                Cell(t.Kind), Cell(t.Title), Cell(t.Artist), Cell(t.Genre), Cell(t.Strategy)]));
        }
    }

    /// <summary>Every row of the listener's: sessions, seconds and tracks.</summary>
    public static JournalExport Export(this MoodJournal journal, string listener)
    {
        using var connection = journal.Connect();
        var seconds = new List<ExportSecond>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT m.session_id, m.t, m.face, m.emotion, {string.Join(", ", MoodJournal.Emotions.Select(e => "m." + e))}, m.valence, m.arousal
                FROM mood_seconds m JOIN sessions s ON s.id = m.session_id WHERE s.listener = $listener ORDER BY m.session_id, m.t
                """;
            command.Parameters.AddWithValue("$listener", listener);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var probabilities = new Dictionary<string, double?>();
                for (var e = 0; e < MoodJournal.Emotions.Length; e++)
                {
                    probabilities[MoodJournal.Emotions[e]] = reader.IsDBNull(4 + e) ? null : reader.GetDouble(4 + e);
                }
                seconds.Add(new ExportSecond(reader.GetInt64(0), DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(1)), reader.GetDouble(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), probabilities, Nullable(reader, 11), Nullable(reader, 12)));
            }
        }
        var tracks = new List<ExportTrack>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT t.session_id, t.at_utc, t.kind, t.title, t.artist, t.genre, t.valence, t.energy, t.power, t.mood_valence, t.mood_arousal, t.strategy
                FROM track_events t JOIN sessions s ON s.id = t.session_id WHERE s.listener = $listener ORDER BY t.session_id, t.at_utc, t.rowid
                """;
            command.Parameters.AddWithValue("$listener", listener);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tracks.Add(new ExportTrack(reader.GetInt64(0), Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.GetString(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8), Nullable(reader, 9), Nullable(reader, 10), reader.GetString(11)));
            }
        }
        return new JournalExport(journal.Sessions(listener, limit: int.MaxValue), seconds, tracks);
    }

    private static double? Nullable(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);

    private static string Cell(object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? '"' + text.Replace("\"", "\"\"", StringComparison.Ordinal) + '"' : text;
    }

    internal static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

/// <summary>A listener's whole journal.</summary>
public sealed record JournalExport(IReadOnlyList<SessionSummary> Sessions, IReadOnlyList<ExportSecond> Seconds, IReadOnlyList<ExportTrack> Tracks);

public sealed record ExportSecond(long Session, DateTimeOffset Time, double Face, string? Emotion, Dictionary<string, double?> Probabilities, double? Valence, double? Arousal);

public sealed record ExportTrack(long Session, DateTimeOffset Time, string Kind, string Title, string Artist, string Genre, double Valence, double Energy,
    double Power, double? MoodValence, double? MoodArousal, string Strategy);
