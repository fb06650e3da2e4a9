using FerMusic.Train.Training;

namespace FerMusic.Train.Tests.Training;

public sealed class LearningRateScheduleTests
{
    private static EpochMetrics Row(int epoch, double valAccuracy) => new(epoch, 1, 0.5, 1, valAccuracy, 0.001, 1);

    [Fact]
    public void Cosine_warms_up_then_decays_to_the_minimum()
    {
        var options = new TrainingOptions { Schedule = ScheduleKind.Cosine, Epochs = 10, WarmupEpochs = 1, LearningRate = 1e-3, MinLearningRate = 1e-6 };
        var schedule = LearningRateSchedule.Create(options);

        Assert.Equal(0.5e-3, schedule.At(0, 0.5, []), 12);
        Assert.Equal(1e-3, schedule.At(1, 0, []), 12);
        Assert.True(schedule.At(5, 0, []) < schedule.At(2, 0, []));
        Assert.Equal(1e-6, schedule.At(9, 1, []), 12);
    }

    [Fact]
    public void Step_multiplies_by_the_factor_every_n_epochs()
    {
        var schedule = LearningRateSchedule.Create(new TrainingOptions { Schedule = ScheduleKind.Step, StepEvery = 3, DecayFactor = 0.5, LearningRate = 1 });

        Assert.Equal([1, 1, 1, 0.5, 0.5, 0.5, 0.25], Enumerable.Range(0, 7).Select(e => schedule.At(e, 0, [])));
    }

    [Fact]
    public void Plateau_decays_after_patience_epochs_without_improvement()
    {
        var schedule = LearningRateSchedule.Create(new TrainingOptions
        {
            Schedule = ScheduleKind.Plateau, PlateauPatience = 2, DecayFactor = 0.1, LearningRate = 1, MinLearningRate = 0,
        });
        EpochMetrics[] improving = [Row(1, 0.3), Row(2, 0.4), Row(3, 0.5)];
        EpochMetrics[] stalled = [Row(1, 0.3), Row(2, 0.4), Row(3, 0.4), Row(4, 0.39)];

        Assert.Equal(1, schedule.At(3, 0, improving));
        Assert.Equal(0.1, schedule.At(4, 0, stalled), 12);
    }

    [Fact]
    public void One_cycle_climbs_from_a_25th_of_the_peak_over_a_quarter_then_anneals_to_a_10000th()
    {
        var schedule = LearningRateSchedule.Create(new TrainingOptions { Schedule = ScheduleKind.OneCycle, Epochs = 8, LearningRate = 1e-3 });

        Assert.Equal(1e-3 / 25, schedule.At(0, 0, []), 12);
        Assert.Equal((1e-3 + 1e-3 / 25) / 2, schedule.At(1, 0, []), 12);
        Assert.Equal(1e-3, schedule.At(2, 0, []), 12);
        Assert.True(schedule.At(4, 0, []) < schedule.At(3, 0, []));
        Assert.Equal(1e-3 / 1e4, schedule.At(7, 1, []), 12);
    }
}
