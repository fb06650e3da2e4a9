using FerMusic.Train.Training;
using ScottPlot;

namespace FerMusic.Train.Reporting;

/// <summary>Draws <c>curves.png</c>: loss and accuracy per epoch, training against validation, side by side.</summary>
public static class CurvesPlot
{
    public static void Save(string path, IReadOnlyList<EpochMetrics> history, int bestEpoch)
    {
        var epochs = history.Select(r => (double)r.Epoch).ToArray();

        var loss = new Plot();
        AddSeries(loss, epochs, history.Select(r => r.TrainLoss), "train");
        AddSeries(loss, epochs, history.Select(r => r.ValLoss), "validation (PublicTest)");
        loss.Title("Loss");
        loss.XLabel("epoch");
        loss.YLabel("cross-entropy");

        var accuracy = new Plot();
        AddSeries(accuracy, epochs, history.Select(r => r.TrainAccuracy * 100), "train");
        AddSeries(accuracy, epochs, history.Select(r => r.ValAccuracy * 100), "validation (PublicTest)");
        if (bestEpoch > 0)
        {
            var best = accuracy.Add.VerticalLine(bestEpoch);
            best.LinePattern = LinePattern.Dashed;
            best.LegendText = $"best epoch {bestEpoch}";
        }
        accuracy.Title("Accuracy");
        accuracy.XLabel("epoch");
        accuracy.YLabel("%");

        foreach (var plot in new[] { loss, accuracy })
        {
            plot.ShowLegend(Alignment.LowerRight);
        }
        loss.ShowLegend(Alignment.UpperRight);

        var figure = new Multiplot(loss);
        figure.Subplots.Add(accuracy);
        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        figure.SavePng(path, 1200, 450);
    }

    private static void AddSeries(Plot plot, double[] epochs, IEnumerable<double> values, string label)
    {
        var series = plot.Add.Scatter(epochs, values.ToArray());
        series.LegendText = label;
        series.MarkerSize = epochs.Length > 40 ? 0 : 5;
    }
}
