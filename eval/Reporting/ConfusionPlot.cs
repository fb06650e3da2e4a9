using FerMusic.Eval.Metrics;
using ScottPlot;

namespace FerMusic.Eval.Reporting;

/// <summary>
/// Confusion matrix pictures: true classes down, predicted across, the value written in every cell; examples
/// without a prediction (no face found) get a last column of their own.
/// </summary>
public static class ConfusionPlot
{
    public static void SaveCounts(string path, ClassificationMetrics metrics, string title) =>
        Save(path, metrics, title, normalized: false);

    public static void SaveNormalized(string path, ClassificationMetrics metrics, string title) =>
        Save(path, metrics, title, normalized: true);

    private static void Save(string path, ClassificationMetrics metrics, string title, bool normalized)
    {
        var k = metrics.Labels.Count;
        var columns = metrics.Unpredicted.Sum() > 0 ? k + 1 : k;
        var plot = new Plot();
        for (var row = 0; row < k; row++)
        {
            var support = metrics.PerClass[row].Support;
            for (var column = 0; column < columns; column++)
            {
                var count = column < k ? metrics.Confusion[row][column] : metrics.Unpredicted[row];
                var share = support == 0 ? 0 : (double)count / support;
                var y = k - 1 - row;
                var cell = plot.Add.Rectangle(column, column + 1, y, y + 1);
                cell.FillColor = Shade(share);
                cell.LineColor = Colors.White;
                var text = plot.Add.Text(normalized ? $"{share * 100:0.0}" : count.ToString(), column + 0.5, y + 0.5);
                text.Alignment = Alignment.MiddleCenter;
                text.LabelFontSize = 14;
                text.LabelFontColor = share > 0.5 ? Colors.White : Colors.Black;
            }
        }
        var positions = Enumerable.Range(0, k).Select(i => i + 0.5).ToArray();
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, columns).Select(i => i + 0.5)], [.. metrics.Labels, .. columns > k ? ["no face"] : Array.Empty<string>()]);
        plot.Axes.Left.SetTicks(positions.Reverse().ToArray(), [.. metrics.Labels]);
        plot.Axes.SetLimits(0, columns, 0, k);
        plot.XLabel("predicted");
        plot.YLabel("true");
        plot.Title(normalized ? $"{title} (% of each true class)" : $"{title} (counts)");
        plot.Grid.IsVisible = false;
        plot.SavePng(path, 760 * columns / k, 700);
    }

    /// <summary>White to deep blue.</summary>
    private static Color Shade(double share)
    {
        var t = Math.Clamp(share, 0, 1);
        byte Mix(int from, int to) => (byte)Math.Round(from + (to - from) * t);
        return new Color(Mix(255, 8), Mix(255, 48), Mix(255, 107));
    }
}
