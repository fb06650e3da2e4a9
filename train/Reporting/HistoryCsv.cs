using System.Globalization;
using System.Text;
using FerMusic.Train.Training;

namespace FerMusic.Train.Reporting;

/// <summary>Writes <c>history.csv</c>: epoch, train_loss, train_acc, val_loss, val_acc, lr, seconds.</summary>
public static class HistoryCsv
{
    public const string Header = "epoch,train_loss,train_acc,val_loss,val_acc,lr,seconds";

    public static void Write(string path, IEnumerable<EpochMetrics> history)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var row in history)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{row.Epoch},{row.TrainLoss:0.######},{row.TrainAccuracy:0.######},{row.ValLoss:0.######},{row.ValAccuracy:0.######},{row.LearningRate:0.##########},{row.Seconds:0.###}\n");
        }
        File.WriteAllText(path, text.ToString());
    }
}
