using Microsoft.Data.Sqlite;

namespace FerMusic.Runtime.Journal;

/// <summary>Writes batches of entries, each batch in one transaction, with commands prepared once.</summary>
internal sealed class JournalWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _start, _end, _second, _track;

    public JournalWriter(SqliteConnection connection)
    {
        _connection = connection;
        _start = Command("INSERT OR REPLACE INTO sessions (id, listener, started_utc, mode) VALUES ($p0, $p1, $p2, $p3)", 4);
        _end = Command("UPDATE sessions SET ended_utc = $p1 WHERE id = $p0", 2);
        _second = Command(
            "INSERT OR REPLACE INTO mood_seconds (session_id, t, face, emotion, angry, disgust, fear, happy, sad, surprise, neutral, valence, arousal) " +
            "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12)", 13);
        _track = Command(
            "INSERT INTO track_events (session_id, at_utc, kind, title, artist, genre, valence, energy, power, mood_valence, mood_arousal, strategy, " +
            "target_valence, target_energy, target_power) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14)", 15);
    }

    private SqliteCommand Command(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i, null));
        }
        return command;
    }

    public void Write(List<JournalEntry> batch)
    {
        using var transaction = _connection.BeginTransaction();
        foreach (var entry in batch)
        {
            switch (entry)
            {
                case SessionStarted s:
                    Run(_start, transaction, s.Session, s.Listener, Time(s.At), s.Mode);
                    break;
                case SessionEnded e:
                    Run(_end, transaction, e.Session, Time(e.At));
                    break;
                case MoodSecond m:
                    var p = m.Probabilities;
                    Run(_second, transaction, m.Session, m.UnixSecond, Math.Round(m.Face, 3), m.Emotion,
                        Probability(p[0]), Probability(p[1]), Probability(p[2]), Probability(p[3]), Probability(p[4]), Probability(p[5]), Probability(p[6]),
                        Rounded(m.Valence), Rounded(m.Arousal));
                    break;
                case TrackEvent t:
                    Run(_track, transaction, t.Session, Time(t.At), t.Kind, t.Track.Title, t.Track.Artist, t.Track.Genre, t.Track.Valence,
                        t.Track.Energy, Math.Round(t.Track.Power, 3), Rounded(t.Mood?.Valence), Rounded(t.Mood?.Arousal),
                        t.Strategy.ToString().ToLowerInvariant(), Math.Round(t.Target.Valence, 3), Math.Round(t.Target.Energy, 3), Math.Round(t.Target.Power, 3));
                    break;
            }
        }
        transaction.Commit();
    }

    private static string Time(DateTimeOffset at) => JournalQueries.Time(at);

    private static object? Probability(float p) => float.IsNaN(p) ? null : Math.Round(p, 3);

    private static object? Rounded(double? x) => x is { } v ? Math.Round(v, 3) : null;

    private static void Run(SqliteCommand command, SqliteTransaction transaction, params object?[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _start.Dispose();
        _end.Dispose();
        _second.Dispose();
        _track.Dispose();
    }
}
