namespace FerMusic.Core.Numerics;

/// <summary>Quantiles of measured values (latencies, positions), linearly interpolated between order statistics.</summary>
public static class Quantiles
{
    /// <param name="sorted">The values in ascending order.</param>
    /// <param name="q">0..1: 0.5 is the median, 0.95 the 95th percentile.</param>
    public static double OfSorted(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(sorted));
        }
        var position = Math.Clamp(q, 0, 1) * (sorted.Count - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }

    /// <summary>The quantile of unsorted values.</summary>
    public static double Of(IEnumerable<double> values, double q) => OfSorted([.. values.Order()], q);
}
