using FerMusic.Eval.Metrics;

namespace FerMusic.Eval.Tests.Metrics;

public sealed class ClassificationMetricsTests
{
    private static readonly string[] Abc = ["a", "b", "c"];

    [Fact]
    public void Computes_known_answers()
    {
        // truth:     a a a b b c
        // predicted: a a b b c c
        var metrics = ClassificationMetrics.Compute([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2], Abc);

        Assert.Equal(4.0 / 6, metrics.Accuracy, 12);
        Assert.Equal([[2, 1, 0], [0, 1, 1], [0, 0, 1]], metrics.Confusion);
        Assert.Equal(new ClassMetrics(1, 2.0 / 3, 0.8, 3), metrics.PerClass[0]);
        Assert.Equal(0.5, metrics.PerClass[1].Precision, 12);
        Assert.Equal(0.5, metrics.PerClass[1].Recall, 12);
        Assert.Equal(0.5, metrics.PerClass[2].Precision, 12);
        Assert.Equal(1, metrics.PerClass[2].Recall, 12);
        Assert.Equal((0.8 + 0.5 + 2.0 / 3) / 3, metrics.MacroF1, 12);
    }

    [Fact]
    public void A_class_without_examples_gives_zeros_not_NaN_and_is_left_out_of_macro_F1()
    {
        // Nobody is truly "c", but the model predicts it once.
        var metrics = ClassificationMetrics.Compute([0, 1, 1], [0, 1, 2], Abc);

        var c = metrics.PerClass[2];
        Assert.Equal(0, c.Support);
        Assert.Equal(0, c.Precision);
        Assert.Equal(0, c.Recall);
        Assert.Equal(0, c.F1);
        Assert.DoesNotContain(metrics.PerClass, m => double.IsNaN(m.Precision) || double.IsNaN(m.Recall) || double.IsNaN(m.F1));
        Assert.Equal((1 + 2.0 / 3) / 2, metrics.MacroF1, 12);
    }

    [Fact]
    public void No_examples_at_all_is_not_a_crash()
    {
        var metrics = ClassificationMetrics.Compute([], [], Abc);

        Assert.Equal(0, metrics.Accuracy);
        Assert.Equal(0, metrics.MacroF1);
    }

    [Fact]
    public void Rejects_classes_outside_the_labels()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationMetrics.Compute([0], [3], Abc));
    }
}
