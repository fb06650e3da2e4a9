namespace FerMusic.Runtime.Web.Sessions;

/// <summary>
/// A rate limit with a small burst: tokens come back at <see cref="Rate"/> per second up to <see cref="Burst"/>, and every
/// frame a page sends takes one, whether it is processed or refused. A page pacing at the rate it was told never runs
/// out; jitter in its timing is absorbed by the burst.
/// </summary>
public sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private double _tokens;
    private long _last;

    public TokenBucket(double rate, double burst, TimeProvider time)
    {
        _time = time;
        Rate = rate;
        Burst = burst;
        _tokens = burst;
        _last = time.GetTimestamp();
    }

    /// <summary>Tokens per second; may change while the bucket is in use (the page's share of the machine).</summary>
    public double Rate { get; set; }

    public double Burst { get; }

    public bool TryTake()
    {
        var now = _time.GetTimestamp();
        _tokens = Math.Min(Burst, _tokens + _time.GetElapsedTime(_last, now).TotalSeconds * Rate);
        _last = now;
        if (_tokens < 1)
        {
            return false;
        }
        _tokens -= 1;
        return true;
    }
}
