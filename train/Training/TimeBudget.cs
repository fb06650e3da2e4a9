using System.Diagnostics;

namespace FerMusic.Train.Training;

/// <summary>
/// Fits a run to the time available: the number of epochs is planned from the measured time of an epoch (training,
/// batch-norm recalibration, validation, checkpoint) so that the last epoch, the export and the reports end within the
/// budget, and planned again after every epoch if the machine turns out slower, so that the schedule still anneals
/// to its end in time. The plan is written into the run's summary, so the run can be repeated with <c>--epochs</c>.
/// </summary>
public sealed class TimeBudget(TimeSpan budget, Func<TimeSpan> elapsed)
{
    /// <summary>A budget counted on <paramref name="wall"/>, the run's clock.</summary>
    public TimeBudget(TimeSpan budget, Stopwatch wall) : this(budget, () => wall.Elapsed)
    {
    }

    /// <summary>Time kept for exporting the model and writing the reports after the last epoch.</summary>
    public static readonly TimeSpan Reserve = TimeSpan.FromSeconds(20);

    public TimeSpan Budget => budget;

    public TimeSpan Elapsed => elapsed();

    /// <summary>
    /// The time of 0-based <paramref name="epoch"/> in a plan of <paramref name="planned"/> epochs, in plain epochs
    /// (at least 1): epochs with sharpness-aware steps cost more than the others, and where they start depends on the plan.
    /// </summary>
    public delegate double EpochCost(int epoch, int planned);

    /// <summary>
    /// How many epochs fit in what is left, at least one: epochs of <paramref name="epochSeconds"/> each, or weighted by
    /// <paramref name="cost"/>.
    /// </summary>
    public int Plan(double epochSeconds, EpochCost? cost = null) => Math.Max(1, Fit(0, epochSeconds, cost));

    /// <summary>
    /// After <paramref name="completed"/> epochs of typically <paramref name="epochSeconds"/> (the trainer passes the median,
    /// so that one epoch slowed by something else running does not cut the run short): the planned total. In the first
    /// tenth of the run (where the schedule is still warming up or near its peak) it follows the measured epoch time
    /// either way. Until half the plan is done it may still grow, so that a start slowed by other work does not cost
    /// the whole run (the learning rate is still high there, and stretching the rest of its decay moves it little);
    /// after that it is only lowered, when the remaining epochs would not fit any more.
    /// </summary>
    /// <param name="epochSeconds">A plain epoch's typical time.</param>
    /// <param name="cost">Each epoch's time in plain epochs; null = all alike.</param>
    public int Replan(int completed, int planned, double epochSeconds, EpochCost? cost = null)
    {
        var fit = Fit(completed, epochSeconds, cost);
        if (completed <= Math.Max(1, planned / 10))
        {
            return Math.Max(completed + 1, fit);
        }
        var ceiling = completed <= planned / 2 ? Math.Max(planned, fit) : planned;
        return Math.Clamp(fit, Math.Min(completed + 1, planned), ceiling);
    }

    /// <summary>The most epochs in total such that those after the <paramref name="completed"/> ones fit in what is left.</summary>
    private int Fit(int completed, double epochSeconds, EpochCost? cost)
    {
        var left = Left.TotalSeconds;
        var seconds = Math.Max(epochSeconds, 1e-3);
        var most = completed + (int)Math.Floor(Math.Min(left / seconds, 1e6));
        if (cost is null || most <= completed)
        {
            return Math.Max(most, completed);
        }
        double Needs(int total)
        {
            double sum = 0;
            for (var epoch = completed; epoch < total; epoch++)
            {
                sum += Math.Max(1, cost(epoch, total));
            }
            return sum * seconds;
        }
        // Every epoch costs at least a plain one, so the time needed grows with the plan: bisect.
        int low = completed, high = most;
        while (low < high)
        {
            var mid = low + (high - low + 1) / 2;
            if (Needs(mid) <= left)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }
        return low;
    }

    private TimeSpan Left => budget - elapsed() - Reserve;
}
