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

    /// <summary>How many epochs of <paramref name="epochSeconds"/> each fit in what is left, at least one.</summary>
    public int Plan(double epochSeconds) => Math.Max(1, (int)Math.Floor(Left.TotalSeconds / Math.Max(epochSeconds, 1e-3)));

    /// <summary>
    /// After <paramref name="completed"/> epochs of typically <paramref name="epochSeconds"/> (the trainer passes the median,
    /// so that one epoch slowed by something else running does not cut the run short): the planned total. In the first
    /// tenth of the run (where the schedule is still warming up or near its peak) it follows the measured epoch time
    /// either way. Until half the plan is done it may still grow, so that a start slowed by other work does not cost
    /// the whole run (the learning rate is still high there, and stretching the rest of its decay moves it little);
    /// after that it is only lowered, when the remaining epochs would not fit any more.
    /// </summary>
    public int Replan(int completed, int planned, double epochSeconds)
    {
        var fit = completed + (int)Math.Floor(Left.TotalSeconds / Math.Max(epochSeconds, 1e-3));
        if (completed <= Math.Max(1, planned / 10))
        {
            return Math.Max(completed + 1, fit);
        }
        var ceiling = completed <= planned / 2 ? Math.Max(planned, fit) : planned;
        return Math.Clamp(fit, Math.Min(completed + 1, planned), ceiling);
    }

    private TimeSpan Left => budget - elapsed() - Reserve;
}
