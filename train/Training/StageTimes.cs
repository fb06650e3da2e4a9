using System.Diagnostics;

namespace FerMusic.Train.Training;

/// <summary>Wall time spent in each named stage of training, accumulated; a stage begins where the last one ended.</summary>
public sealed class StageTimes
{
    private readonly Dictionary<string, TimeSpan> _totals = [];
    private readonly List<string> _order = [];
    private long _mark = Stopwatch.GetTimestamp();

    /// <summary>Starts timing from now (the time since the last mark is not counted).</summary>
    public void Restart() => _mark = Stopwatch.GetTimestamp();

    /// <summary>Adds the time since the last mark to <paramref name="stage"/>.</summary>
    public void Lap(string stage)
    {
        var now = Stopwatch.GetTimestamp();
        if (!_totals.ContainsKey(stage))
        {
            _order.Add(stage);
            _totals[stage] = TimeSpan.Zero;
        }
        _totals[stage] += Stopwatch.GetElapsedTime(_mark, now);
        _mark = now;
    }

    public IReadOnlyList<(string Stage, TimeSpan Time)> Totals => [.. _order.Select(s => (s, _totals[s]))];

    public TimeSpan Total => _order.Aggregate(TimeSpan.Zero, (sum, s) => sum + _totals[s]);
}
