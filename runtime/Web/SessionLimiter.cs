namespace FerMusic.Runtime.Web;

/// <summary>Counts open sockets and refuses more than the limit.</summary>
public sealed class SessionLimiter(int limit)
{
    private int _open;

    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _open) <= limit)
        {
            return true;
        }
        Interlocked.Decrement(ref _open);
        return false;
    }

    public void Leave() => Interlocked.Decrement(ref _open);

    /// <summary>Whether a new session would be refused now.</summary>
    public bool Full => Volatile.Read(ref _open) >= limit;

    public int Limit => limit;
}
