namespace FerMusic.Runtime.Journal;

/// <summary>Where the mood journal lives and who it belongs to (configuration section <c>MoodJournal</c>).</summary>
public sealed class JournalOptions
{
    /// <summary>The SQLite file (default: <see cref="DefaultPath"/>).</summary>
    public string? Path { get; set; }

    /// <summary>False: nothing is recorded (<c>--no-journal</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Each browser gets its own journal through an anonymous id cookie. Null (the default): on when the server listens
    /// on an address other than loopback, off (one listener, "local") on loopback.
    /// </summary>
    public bool? PerBrowser { get; set; }

    /// <summary>The per-user default: <c>$XDG_DATA_HOME/fermusic/journal.db</c> (<c>~/.local/share/fermusic</c>), or the local application data folder elsewhere.</summary>
    public static string DefaultPath
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
                ? xdg
                : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(root))
            {
                root = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            }
            return System.IO.Path.Combine(root, "fermusic", "journal.db");
        }
    }
}
