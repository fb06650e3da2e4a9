using System.Net;

namespace FerMusic.Runtime.Web;

/// <summary>Counts open sessions, in all and per client address, and refuses those over either limit.</summary>
public sealed class SessionLimiter(Func<int> limit, int perClient)
{
    private readonly Dictionary<string, int> _byClient = [];
    private readonly Lock _gate = new();
    private int _open;

    public int Limit => limit();

    /// <summary>Whether a new session would be refused now.</summary>
    public bool Full
    {
        get { lock (_gate) { return _open >= limit(); } }
    }

    public int Open
    {
        get { lock (_gate) { return _open; } }
    }

    public bool TryEnter(IPAddress? client)
    {
        var key = client?.ToString() ?? "";
        lock (_gate)
        {
            if (_open >= limit() || _byClient.GetValueOrDefault(key) >= perClient)
            {
                return false;
            }
            _open++;
            _byClient[key] = _byClient.GetValueOrDefault(key) + 1;
            return true;
        }
    }

    public void Leave(IPAddress? client)
    {
        var key = client?.ToString() ?? "";
        lock (_gate)
        {
            _open = Math.Max(0, _open - 1);
            if (_byClient.TryGetValue(key, out var count))
            {
                if (count <= 1)
                {
                    _byClient.Remove(key);
                }
                else
                {
                    _byClient[key] = count - 1;
                }
            }
        }
    }
}
