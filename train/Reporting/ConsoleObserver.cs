using FerMusic.Train.Training;

namespace FerMusic.Train.Reporting;

/// <summary>
/// A live progress line per epoch on a terminal (batches, loss, accuracy, img/s, ETA), and one summary line per
/// epoch that stays. When output is redirected only the summary lines are written.
/// </summary>
public sealed class ConsoleObserver : ITrainingObserver
{
    private const int BarWidth = 24;
    private readonly bool _live = !Console.IsOutputRedirected;
    private DateTime _lastDraw = DateTime.MinValue;

    public void BatchCompleted(BatchProgress p)
    {
        if (!_live || (p.Batch < p.Batches && DateTime.UtcNow - _lastDraw < TimeSpan.FromMilliseconds(200)))
        {
            return;
        }
        _lastDraw = DateTime.UtcNow;
        var filled = (int)Math.Round(BarWidth * (double)p.Batch / p.Batches);
        var eta = p.Batch == 0 ? TimeSpan.Zero : p.Elapsed / p.Batch * (p.Batches - p.Batch);
        var line = $"epoch {p.Epoch}/{p.Epochs} [{new string('#', filled)}{new string('.', BarWidth - filled)}] " +
                   $"{p.Batch}/{p.Batches}  loss {p.Loss:0.0000}  acc {p.Accuracy:P1}  {p.ImagesPerSecond:0} img/s  ETA {eta:m\\:ss}";
        Console.Write("\r" + line.PadRight(Math.Max(Console.WindowWidth - 1, line.Length)));
    }

    public void EpochCompleted(EpochMetrics m, int epochs, bool isBest)
    {
        var line = $"epoch {m.Epoch}/{epochs}  train loss {m.TrainLoss:0.0000} acc {m.TrainAccuracy:P2}  " +
                   $"val loss {m.ValLoss:0.0000} acc {m.ValAccuracy:P2}  lr {m.LearningRate:0.###e0}  {m.Seconds:0}s" +
                   (isBest ? "  *best" : "");
        Console.WriteLine(_live ? "\r" + line.PadRight(Math.Max(Console.WindowWidth - 1, line.Length)) : line);
    }

    public void Message(string text)
    {
        Console.WriteLine(text);
    }
}
