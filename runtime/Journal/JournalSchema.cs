using Microsoft.Data.Sqlite;

namespace FerMusic.Runtime.Journal;

/// <summary>
/// The journal's tables, versioned by SQLite's <c>user_version</c>: each step takes a file from one version to the next,
/// in one transaction, so a file written by an older FerMusic is brought up to date when it is opened.
/// Never a camera frame or a face crop: per-second mood summaries and track events only.
/// </summary>
public static class JournalSchema
{
    /// <summary>The version this program writes.</summary>
    public static int Version => Steps.Length;

    private static readonly string[] Steps =
    [
        // 1: sessions, the mood of every second with a frame, and the tracks.
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            listener TEXT NOT NULL,
            started_utc TEXT NOT NULL,
            ended_utc TEXT,
            mode TEXT NOT NULL);
        CREATE TABLE mood_seconds (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            t INTEGER NOT NULL,
            face REAL NOT NULL,
            emotion TEXT,
            angry REAL, disgust REAL, fear REAL, happy REAL, sad REAL, surprise REAL, neutral REAL,
            valence REAL,
            arousal REAL,
            PRIMARY KEY (session_id, t)) WITHOUT ROWID;
        CREATE TABLE track_events (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            at_utc TEXT NOT NULL,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            artist TEXT NOT NULL,
            genre TEXT NOT NULL,
            valence REAL NOT NULL,
            energy REAL NOT NULL,
            power REAL NOT NULL,
            mood_valence REAL,
            mood_arousal REAL,
            strategy TEXT NOT NULL);
        """,
        // 2: the target each track was picked for (what a like or skip is measured against), and indexes by listener.
        """
        ALTER TABLE track_events ADD COLUMN target_valence REAL;
        ALTER TABLE track_events ADD COLUMN target_energy REAL;
        ALTER TABLE track_events ADD COLUMN target_power REAL;
        CREATE INDEX ix_sessions_listener ON sessions (listener, started_utc);
        CREATE INDEX ix_track_events_session ON track_events (session_id, kind);
        """,
    ];

    /// <summary>The file's version (0 for a new, empty file).</summary>
    public static int VersionOf(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar());
    }

    /// <summary>Brings the file up to <paramref name="target"/> (default: this program's version).</summary>
    /// <exception cref="InvalidDataException">The file was written by a newer FerMusic.</exception>
    public static void Migrate(SqliteConnection connection, int? target = null)
    {
        var to = target ?? Version;
        var from = VersionOf(connection);
        if (from > Version)
        {
            throw new InvalidDataException($"it was written by a newer FerMusic (journal version {from}; this one reads up to {Version})");
        }
        for (var version = from; version < to; version++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Steps[version] + $"\nPRAGMA user_version = {version + 1};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }
}
