using FerMusic.Eval.Metrics;
using ScottPlot;

namespace FerMusic.Eval.Reporting;

/// <summary>Grouped bars of precision, recall and F1 for every class.</summary>
public static class PerClassPlot
{
    public static void Save(string path, ClassificationMetrics metrics, string title)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        (string Name, Func<ClassMetrics, double> Value)[] series = [("precision", m => m.Precision), ("recall", m => m.Recall), ("F1", m => m.F1)];
        var bars = new List<Bar>();
        for (var c = 0; c < metrics.Labels.Count; c++)
        {
            for (var s = 0; s < series.Length; s++)
            {
                bars.Add(new Bar
                {
                    Position = c * 4 + s,
                    Value = series[s].Value(metrics.PerClass[c]) * 100,
                    FillColor = palette.GetColor(s),
                });
            }
        }
        plot.Add.Bars(bars);
        for (var s = 0; s < series.Length; s++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name, FillColor = palette.GetColor(s) });
        }
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Bottom.SetTicks(
            Enumerable.Range(0, metrics.Labels.Count).Select(c => c * 4 + 1.0).ToArray(),
            metrics.Labels.Select((l, c) => $"{l}\n(n={metrics.PerClass[c].Support})").ToArray());
        plot.Axes.SetLimitsY(0, 105);
        plot.YLabel("%");
        plot.Title(title);
        plot.SavePng(path, 1000, 500);
    }
}
