using System.Threading.Channels;
using FerMusic.Core;
using Microsoft.Data.Sqlite;

namespace FerMusic.Runtime.Journal;

/// <summary>
/// The mood journal: an SQLite file (WAL mode) that keeps sessions, a summary of every second's mood and the tracks
/// shown, played, liked and skipped, per listener. Sessions queue entries without waiting (a bounded channel); one
/// writer thread writes whatever has queued in one transaction, so the frame path never waits for the disk. A file
/// that cannot be opened (corrupt, locked, newer) or a write that fails turns the journal off with the reason in
/// <see cref="Problem"/>, and entries that could not be written are counted in <see cref="Lost"/>: the app runs on,
/// and nothing is dropped without being reported.
/// </summary>
public sealed class MoodJournal : IAsyncDisposable
{
    /// <summary>Entries that may wait for the writer; beyond this they are counted as lost.</summary>
    public const int Capacity = 16_384;

    private readonly Channel<JournalEntry> _entries = Channel.CreateBounded<JournalEntry>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Task _writer = Task.CompletedTask;
    private readonly string? _connectionString;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, SessionStarted> _live = new();
    private long _nextSession;
    private long _lost;
    private volatile string? _problem;

    private MoodJournal(string? path, string? connectionString, string? problem, long lastSession)
    {
        Path = path;
        _connectionString = connectionString;
        _problem = problem;
        _nextSession = lastSession;
        if (connectionString is not null)
        {
            _writer = Task.Factory.StartNew(Write, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>The file, or null when the journal is switched off.</summary>
    public string? Path { get; }

    /// <summary>Whether entries are being written.</summary>
    public bool Enabled => _connectionString is not null && _problem is null;

    /// <summary>Whether the file opened, so its rows can be read (also after a write failed and recording stopped).</summary>
    public bool Readable => _connectionString is not null;

    /// <summary>Why the journal is not recording (cannot be opened, a write failed), or null.</summary>
    public string? Problem => _problem;

    /// <summary>Entries that were not written (the writer fell behind by <see cref="Capacity"/>, or failed).</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>A journal that records nothing (<c>--no-journal</c>).</summary>
    public static MoodJournal Off() => new(null, null, null, 0);

    /// <summary>Opens (creating and migrating) the journal; a file it cannot use gives a journal that is off, with the reason.</summary>
    public static MoodJournal Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 3,
            Pooling = false,
        }.ToString();
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
            JournalSchema.Migrate(connection);
            using var last = connection.CreateCommand();
            last.CommandText = "SELECT COALESCE(MAX(id), 0) FROM sessions";
            return new MoodJournal(full, connectionString, null, Convert.ToInt64(last.ExecuteScalar()));
        }
        catch (Exception e) when (e is SqliteException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            var reason = e switch
            {
                SqliteException { SqliteErrorCode: 5 or 6 } => "it is locked by another program",
                SqliteException { SqliteErrorCode: 26 or 11 } => "it is not a FerMusic journal or it is damaged",
                SqliteException s => s.Message.Replace("SQLite Error ", "SQLite error ", StringComparison.Ordinal),
                _ => e.Message,
            };
            return new MoodJournal(full, null, $"the journal {full} cannot be used ({reason}); nothing is recorded until it is fixed, moved away or another --journal is given", 0);
        }
    }

    /// <summary>Opens a connection for reading or deleting (the caller disposes it).</summary>
    internal SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString ?? throw new InvalidOperationException("the journal is off"));
        connection.Open();
        return connection;
    }

    /// <summary>Starts a session for <paramref name="listener"/>; null when the journal is not recording.</summary>
    public JournalSession? StartSession(string listener, string mode, IReadOnlyList<string> labels, TimeProvider time)
    {
        if (!Enabled)
        {
            return null;
        }
        var id = Interlocked.Increment(ref _nextSession);
        var started = new SessionStarted(id, listener, time.GetUtcNow(), mode);
        _live[id] = started;
        Post(started);
        return new JournalSession(this, id, labels, time);
    }

    internal void Ended(long session) => _live.TryRemove(session, out _);

    /// <summary>The sessions of <paramref name="listener"/> still open (recorded again after their data is deleted).</summary>
    internal IEnumerable<SessionStarted> Live(string listener) => _live.Values.Where(s => s.Listener == listener);

    /// <summary>Queues an entry without waiting; one that does not fit is counted as lost.</summary>
    internal void Post(JournalEntry entry)
    {
        if (!Enabled || !_entries.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _lost);
        }
    }

    /// <summary>Waits until everything queued so far is written (for reports and tests).</summary>
    public async Task FlushAsync(CancellationToken cancellation = default)
    {
        var done = new Flushed();
        if (Enabled && _entries.Writer.TryWrite(done))
        {
            await done.Written.Task.WaitAsync(cancellation);
        }
    }

    private sealed record Flushed : JournalEntry
    {
        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private async Task Write()
    {
        await using var connection = new SqliteConnection(_connectionString);
        var batch = new List<JournalEntry>(256);
        try
        {
            connection.Open();
            using var writer = new JournalWriter(connection);
            while (await _entries.Reader.WaitToReadAsync())
            {
                while (batch.Count < 4096 && _entries.Reader.TryRead(out var entry))
                {
                    batch.Add(entry);
                }
                writer.Write(batch);
                foreach (var flushed in batch.OfType<Flushed>())
                {
                    flushed.Written.TrySetResult();
                }
                batch.Clear();
            }
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            _problem = $"writing the journal {Path} failed ({e.Message}); recording stopped";
            Interlocked.Add(ref _lost, batch.Count(b => b is not Flushed));
            foreach (var flushed in batch.OfType<Flushed>())
            {
                flushed.Written.TrySetResult();
            }
            while (await _entries.Reader.WaitToReadAsync())
            {
                while (_entries.Reader.TryRead(out var entry))
                {
                    if (entry is Flushed flushed)
                    {
                        flushed.Written.TrySetResult();
                    }
                    else
                    {
                        Interlocked.Increment(ref _lost);
                    }
                }
            }
        }
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Writes what is queued and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        _entries.Writer.TryComplete();
        await _writer;
    }

    /// <summary>The seven classes' names in <see cref="Emotion"/> order, as the journal's columns are named.</summary>
    public static readonly string[] Emotions = [.. Enum.GetNames<Emotion>().Select(n => n.ToLowerInvariant())];
}
