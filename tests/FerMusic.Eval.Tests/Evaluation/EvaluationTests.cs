using FerMusic.Core;
using FerMusic.Core.Fer2013;
using FerMusic.Core.Model;
using FerMusic.Eval.Evaluation;
using FerMusic.Eval.Reporting;
using FerMusic.Tests;
using static FerMusic.Tests.Fer2013CsvBuilder;

namespace FerMusic.Eval.Tests.Evaluation;

public sealed class EvaluationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Data(params string[] rows)
    {
        var path = _temp.File("fer2013.csv");
        File.WriteAllText(path, string.Join('\n', [Header, .. rows]) + "\n");
        return path;
    }

    private EvaluationRequest Request(string data, byte[] model, TtaMode tta = TtaMode.None) => new()
    {
        ModelPath = TinyModels.Save(model, _temp.File("model.onnx")),
        DataPath = data,
        Tta = tta,
        CommandLine = "eval test",
    };

    [Theory]
    [InlineData(TtaMode.None)]
    [InlineData(TtaMode.Flip)]
    [InlineData(TtaMode.TenCrop)]
    public void A_model_that_always_says_happy_scores_the_share_of_happy_faces(TtaMode tta)
    {
        var data = Data(Row(3, "PrivateTest", 1), Row(0, "PrivateTest", 2), Row(3, "PrivateTest", 3), Row(6, "PrivateTest", 4),
            Row(3, "PublicTest", 5), Row(0, "Training", 6));

        var result = Evaluator.Run(Request(data, TinyModels.AlwaysPredicts(Emotion.Happy), tta));

        Assert.Equal(4, result.Metrics.Count);
        Assert.Equal(0.5, result.Metrics.Accuracy, 12);
        Assert.Equal(2, result.Metrics.Confusion[(int)Emotion.Happy][(int)Emotion.Happy]);
        Assert.Equal(1, result.Metrics.Confusion[(int)Emotion.Angry][(int)Emotion.Happy]);
        Assert.Equal(1.0, result.Predictions.Row(0).ToArray().Sum(), 5);
    }

    [Fact]
    public void Writes_metrics_pictures_and_report()
    {
        var data = Data(Row(3, "PrivateTest", 1), Row(0, "PrivateTest", 2), Row(1, "PrivateTest", 3));
        var result = Evaluator.Run(Request(data, TinyModels.AlwaysPredicts(Emotion.Angry)));
        var outDir = _temp.File("out");

        var files = EvaluationOutputs.Write(outDir, result);

        foreach (var file in files.All)
        {
            Assert.True(new FileInfo(Path.Combine(outDir, file)).Length > 0, file);
        }
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, files.Metrics)));
        var root = json.RootElement;
        Assert.Equal(1.0 / 3, root.GetProperty("accuracy").GetDouble(), 12);
        Assert.Equal(3, root.GetProperty("n").GetInt32());
        Assert.Equal("PrivateTest", root.GetProperty("split").GetString());
        Assert.Equal("none", root.GetProperty("tta").GetString());
        Assert.Equal(64, root.GetProperty("model_sha256").GetString()!.Length);
        Assert.Equal(1, root.GetProperty("per_class").GetProperty("angry").GetProperty("support").GetInt32());
        Assert.Equal(0, root.GetProperty("per_class").GetProperty("surprise").GetProperty("f1").GetDouble());
        Assert.Equal(7, root.GetProperty("confusion").GetArrayLength());
        Assert.True(root.TryGetProperty("macro_f1", out _));
        var report = File.ReadAllText(Path.Combine(outDir, files.Report));
        Assert.Contains("33.33%", report);
        Assert.Contains("![confusion matrix](confusion.png)", report);
        Assert.Contains("eval test", report);
    }

    [Fact]
    public void A_data_file_with_a_bad_row_is_reported_with_its_line()
    {
        var data = Data(Row(3, "PrivateTest", 1), "9," + Pixels(0) + ",PrivateTest");

        var error = Assert.Throws<Fer2013FormatException>(() => Evaluator.Run(Request(data, TinyModels.AlwaysPredicts(Emotion.Happy))));

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Scores_PrivateTest_of_real_FER2013()
    {
        var data = SharedData.Require(SharedData.Fer2013);

        var result = Evaluator.Run(Request(data, TinyModels.AlwaysPredicts(Emotion.Happy)));

        Assert.Equal(3589, result.Metrics.Count);
        Assert.Equal(879.0 / 3589, result.Metrics.Accuracy, 12);
        Assert.Equal(55, result.Metrics.PerClass[(int)Emotion.Disgust].Support);
    }
}
