using FerMusic.Core;
using FerMusic.Eval.Data;
using FerMusic.Eval.Evaluation;
using FerMusic.Tests;
using static FerMusic.Tests.Fer2013CsvBuilder;

namespace FerMusic.Eval.Tests.Data;

public sealed class FerPlusTests : IDisposable
{
    private const string VotesHeader = "Usage,Image name,neutral,happiness,surprise,sadness,anger,disgust,fear,contempt,unknown,NF";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Votes(params string[] rows)
    {
        var path = _temp.File("fer2013new.csv");
        File.WriteAllText(path, string.Join('\n', [VotesHeader, .. rows]) + "\n");
        return path;
    }

    [Fact]
    public void Majority_votes_give_labels_and_ties_unknown_and_not_a_face_are_marked()
    {
        var labels = FerPlusLabels.Read(Votes(
            "PrivateTest,fer0.png,0,8,0,0,1,0,0,0,1,0",
            "PrivateTest,fer1.png,4,4,0,0,0,0,0,0,2,0",
            "PrivateTest,,0,0,0,0,0,0,0,0,0,10",
            "PrivateTest,fer3.png,1,0,0,0,0,0,0,6,3,0",
            "PrivateTest,fer4.png,1,0,0,0,0,0,2,0,7,0"));

        Assert.Equal([(int)Emotion.Happy, FerPlusLabels.NoMajority, FerPlusLabels.NotAFace, 7, FerPlusLabels.Unknown], labels);
        Assert.Equal("contempt", FerPlusLabels.Labels[7]);
    }

    [Fact]
    public void Excluded_rows_are_counted_and_contempt_is_an_error_for_a_seven_class_model()
    {
        var data = _temp.File("fer2013.csv");
        File.WriteAllText(data, string.Join('\n', Header,
            Row(3, "PrivateTest", 1), Row(3, "PrivateTest", 2), Row(0, "PrivateTest", 3), Row(0, "PrivateTest", 4),
            Row(0, "PrivateTest", 5), Row(0, "Training", 6)) + "\n");
        var votes = Votes(
            "PrivateTest,a,0,9,0,0,1,0,0,0,0,0",
            "PrivateTest,b,4,4,0,0,0,0,0,0,2,0",
            "PrivateTest,c,0,0,0,0,0,0,0,0,0,10",
            "PrivateTest,d,1,0,0,0,0,0,0,6,3,0",
            "PrivateTest,e,1,0,0,0,0,0,2,0,7,0",
            "Training,f,10,0,0,0,0,0,0,0,0,0");
        var request = new EvaluationRequest
        {
            ModelPath = TinyModels.Save(TinyModels.AlwaysPredicts(Emotion.Happy), _temp.File("m.onnx")),
            DataPath = data,
            Labels = LabelSet.FerPlus,
            FerPlusPath = votes,
        };

        var result = Evaluator.Run(request);

        Assert.Equal(8, result.Metrics.Labels.Count);
        Assert.Equal(2, result.Metrics.Count);
        Assert.Equal(0.5, result.Metrics.Accuracy, 12);
        Assert.Equal(1, result.Metrics.Confusion[7][(int)Emotion.Happy]);
        Assert.Equal(1, result.Faces.Excluded["no majority label (FER+)"]);
        Assert.Equal(1, result.Faces.Excluded["not a face (FER+)"]);
        Assert.Equal(1, result.Faces.Excluded["marked unknown (FER+)"]);
    }

    [Fact]
    public void Row_counts_that_differ_are_refused()
    {
        var data = _temp.File("fer2013.csv");
        File.WriteAllText(data, string.Join('\n', Header, Row(3, "PrivateTest", 1), Row(3, "PrivateTest", 2)) + "\n");
        var votes = Votes("PrivateTest,a,0,9,0,0,1,0,0,0,0,0");

        var error = Assert.Throws<InvalidDataException>(() => Fer2013Faces.Load(data, Core.Fer2013.Fer2013Split.PrivateTest, votes, false));

        Assert.Contains("has 1 rows but", error.Message);
    }
}
