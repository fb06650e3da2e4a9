using System.Diagnostics;
using FerMusic.Core.Fer2013;
using FerMusic.Train.Augmentation;
using FerMusic.Train.Training;

namespace FerMusic.Train.Tests.Training;

public sealed class TimeBudgetTests : IDisposable
{
    private readonly FerMusic.Tests.TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Plans_the_epochs_that_fit_after_the_reserve_for_export()
    {
        var budget = new TimeBudget(TimeSpan.FromMinutes(10), () => TimeSpan.FromSeconds(40));

        // 600 s - 40 s used - 20 s reserve = 540 s: 9 epochs of 60 s.
        Assert.Equal(9, budget.Plan(60));
        Assert.Equal(1, budget.Plan(10_000));
    }

    [Theory]
    [InlineData(100, 9, 50, 9)]   // on time: the plan stays
    [InlineData(400, 9, 75, 7)]   // behind: 5 done, 180 s left for 75 s epochs: 2 more
    [InlineData(590, 9, 75, 6)]   // out of time: the next epoch is the last
    [InlineData(250, 9, 30, 9)]   // ahead in the second half: the schedule is not stretched
    public void In_the_second_half_replanning_only_ever_shortens_the_run(double usedSeconds, int planned, double epochSeconds, int expected)
    {
        var budget = new TimeBudget(TimeSpan.FromMinutes(10), () => TimeSpan.FromSeconds(usedSeconds));

        Assert.Equal(expected, budget.Replan(completed: 5, planned, epochSeconds));
    }

    [Theory]
    [InlineData(1000, 50, 50, 20, 71)]  // ahead: 2580 s left, 51 more of 50 s fit; the plan grows to them
    [InlineData(1500, 50, 50, 20, 61)]  // a slow start: 2080 s left, 41 more of 50 s
    [InlineData(2100, 50, 50, 20, 49)]  // behind: 1480 s left, 29 more; the plan shrinks
    [InlineData(1000, 50, 50, 30, 50)]  // ahead in the second half: the schedule is not stretched
    public void Until_half_the_plan_is_done_it_may_still_grow(double usedSeconds, int planned, double epochSeconds, int completed, int expected)
    {
        var budget = new TimeBudget(TimeSpan.FromMinutes(60), () => TimeSpan.FromSeconds(usedSeconds));

        Assert.Equal(expected, budget.Replan(completed, planned, epochSeconds));
    }

    [Fact]
    public void In_the_first_tenth_the_plan_follows_the_measured_epochs_either_way()
    {
        var budget = new TimeBudget(TimeSpan.FromMinutes(60), () => TimeSpan.FromSeconds(80));

        // 3600 - 80 - 20 = 3500 s left after the first of 50 planned epochs: 70 more of 50 s, or 43 more of 80 s.
        Assert.Equal(71, budget.Replan(completed: 1, planned: 50, epochSeconds: 50));
        Assert.Equal(44, budget.Replan(completed: 1, planned: 50, epochSeconds: 80));
    }

    /// <summary>Epochs from half the plan on cost twice a plain one, as sharpness-aware epochs about do.</summary>
    private static double SecondHalfTwice(int epoch, int planned) => epoch >= (int)Math.Round(0.5 * planned) ? 2 : 1;

    [Fact]
    public void Epochs_that_cost_more_are_planned_at_their_cost()
    {
        var budget = new TimeBudget(TimeSpan.FromMinutes(10), () => TimeSpan.FromSeconds(40));

        // 540 s left for 60 s epochs: 9 plain ones, or 6 with the last 3 at twice the time (3 + 3 x 2 = 9 epochs' time;
        // 7 would need 4 + 3 x 2 = 10).
        Assert.Equal(6, budget.Plan(60, SecondHalfTwice));
        Assert.Equal(9, budget.Plan(60, (_, _) => 1));
    }

    [Theory]
    [InlineData(400, 8, 6)]   // 5 done, 180 s left: epoch 6 (twice the time of a plain one, 120 s) fits, 7 would not
    [InlineData(100, 8, 8)]   // 480 s left: on time, the plan stays
    public void Replanning_counts_what_the_remaining_epochs_cost(double usedSeconds, int planned, int expected)
    {
        var budget = new TimeBudget(TimeSpan.FromMinutes(10), () => TimeSpan.FromSeconds(usedSeconds));

        Assert.Equal(expected, budget.Replan(completed: 5, planned, epochSeconds: 60, SecondHalfTwice));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)] // sharpness-aware steps from half the plan on, each epoch of them costing more
    public void A_budgeted_run_plans_many_epochs_and_ends_within_its_budget(double sharpness)
    {
        var options = new TrainingOptions
        {
            Architecture = "vgg",
            BatchSize = 32,
            Epochs = 1000,
            Patience = 0,
            Schedule = ScheduleKind.OneCycle,
            Augmentation = AugmentationOptions.None,
            Sharpness = sharpness,
            SharpnessFrom = 0.5,
        };
        var train = SyntheticFaces.Create(perClass: 6, Fer2013Split.Training, seed: 1);
        var wall = Stopwatch.StartNew();
        var budget = new TimeBudget(TimeSpan.FromSeconds(40), wall);

        var result = new Trainer(options, SilentObserver.Instance).Run(train, train, new Checkpoint(_temp.File("c")), resume: false,
            cancellation: TestContext.Current.CancellationToken, budget: budget);

        Assert.Equal(TrainingOutcome.Completed, result.Outcome);
        // About 20 s for epochs of well under a second each (several on a machine busy with other tests).
        Assert.True(result.Options.Epochs is >= 2 and < 1000, $"planned {result.Options.Epochs} epochs");
        Assert.Equal(result.Options.Epochs, result.State.EpochsCompleted);
        Assert.Equal(result.Options.Epochs, result.State.PlannedEpochs);
        if (sharpness > 0)
        {
            // Once started, the sharpness-aware epochs last to the end of the run, however it was replanned.
            Assert.InRange(result.State.SharpnessFromEpoch ?? -1, 1, result.Options.Epochs - 1);
            Assert.True(result.State.SharpnessCost >= 1, $"a sharpness-aware epoch was measured at {result.State.SharpnessCost:0.00} plain ones");
        }
        else
        {
            Assert.Null(result.State.SharpnessFromEpoch);
        }
        // Training ends in time to leave the reserve for the export: within the budget, whatever the machine's load.
        Assert.True(wall.Elapsed < budget.Budget, $"took {wall.Elapsed.TotalSeconds:0.0} s of {budget.Budget.TotalSeconds:0} s");
    }
}
