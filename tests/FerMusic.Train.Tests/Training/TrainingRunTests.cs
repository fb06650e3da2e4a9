using FerMusic.Core;
using FerMusic.Tests;
using FerMusic.Train.Tests.Export;
using FerMusic.Train.Training;

namespace FerMusic.Train.Tests.Training;

public sealed class TrainingRunTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void One_epoch_on_2000_real_rows_writes_all_four_outputs()
    {
        var data = SharedData.Require(SharedData.Fer2013);
        var request = new TrainingRunRequest
        {
            DataPath = data,
            OutputDirectory = _temp.Path,
            Limit = 2000,
            Options = new TrainingOptions { Epochs = 1 },
        };

        var result = TrainingRun.Execute(request, SilentObserver.Instance, TestContext.Current.CancellationToken);

        Assert.Equal(1, result.State.EpochsCompleted);
        foreach (var file in new[] { TrainingRun.ModelFile, TrainingRun.SummaryFile, TrainingRun.CurvesFile, TrainingRun.HistoryFile })
        {
            Assert.True(new FileInfo(_temp.File(file)).Length > 0, $"{file} missing or empty");
        }
        Assert.Equal(2, File.ReadAllLines(_temp.File(TrainingRun.HistoryFile)).Length);
        using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_temp.File(TrainingRun.SummaryFile)));
        Assert.Equal(2000, summary.RootElement.GetProperty("training_images").GetInt32());
        Assert.Equal(64, summary.RootElement.GetProperty("training_data_sha256").GetString()!.Length);

        using var runner = new OnnxModelRunner(_temp.File(TrainingRun.ModelFile));
        var probabilities = runner.Run(new float[ModelContract.PixelsPerImage], 1);
        Assert.Equal(1.0, probabilities.Sum(), 4);
    }
}
