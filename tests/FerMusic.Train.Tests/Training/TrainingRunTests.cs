using FerMusic.Core;
using FerMusic.Eval.Evaluation;
using FerMusic.Eval.Reporting;
using FerMusic.Tests;
using FerMusic.Train.Training;

namespace FerMusic.Train.Tests.Training;

public sealed class TrainingRunTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void One_epoch_on_2000_real_rows_writes_all_four_outputs_and_the_model_evaluates()
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

        var evaluation = Evaluator.Run(new EvaluationRequest { ModelPath = _temp.File(TrainingRun.ModelFile), DataPath = data });
        Assert.Equal(3589, evaluation.Metrics.Count);
        Assert.Equal(EmotionLabels.Names, evaluation.ModelLabels);
        var outputs = EvaluationOutputs.Write(_temp.File("eval"), evaluation);
        Assert.All(outputs.All, file => Assert.True(File.Exists(Path.Combine(_temp.File("eval"), file)), file));
    }
}
