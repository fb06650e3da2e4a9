using System.Text.Json.Nodes;
using FerMusic.Core;
using FerMusic.Eval.Cli;
using FerMusic.Tests;
using FerMusic.Tests.Vision;
using OpenCvSharp;

namespace FerMusic.Eval.Tests.Faces;

/// <summary><c>eval faces</c> end to end on a tiny labelled folder of real photographs in several formats.</summary>
public sealed class FacesCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Folder(string name) => Directory.CreateDirectory(_temp.File(Path.Combine("pictures", name))).FullName;

    private static void Write(Mat image, string path)
    {
        Assert.True(Cv2.ImWrite(path, image), $"could not write {path}");
    }

    private string TinySet()
    {
        using var obama = SharedFaces.Read("obama.jpg");
        using var biden = SharedFaces.Read("biden.jpg");
        using var two = SharedFaces.Read("two_people.jpg");
        using var grey = obama.CvtColor(ColorConversionCodes.BGR2GRAY);
        using var blank = new Mat(240, 320, MatType.CV_8UC3, Scalar.All(128));
        Write(obama, Path.Combine(Folder("happy"), "obama.png"));
        Write(biden, Path.Combine(Folder("happy"), "biden.gif"));
        Write(two, Path.Combine(Folder("sad"), "two.bmp"));
        Write(grey, Path.Combine(Folder("sad"), "obama-grey.tiff"));
        Write(blank, Path.Combine(Folder("neutral"), "blank.jpg"));
        File.WriteAllText(Path.Combine(Folder("sad"), "broken.jpg"), "not a picture");
        return _temp.File("pictures");
    }

    private static int Run(params string[] args) => EvaluateCommand.Run(["faces", .. args]);

    [Fact]
    public void Scores_the_live_path_counting_pictures_without_a_face_as_wrong_and_writes_every_output()
    {
        var pictures = TinySet();
        var model = TinyModels.Save(TinyModels.AlwaysPredicts(Emotion.Happy), _temp.File("model.onnx"));
        var output = _temp.File("out");

        var exit = Run("--images", pictures, "--model", model, "--cascade", InstalledCascade.Require(), "--out", output);

        Assert.Equal(0, exit);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")))!;
        Assert.Equal(5, (int)metrics["n"]!);
        Assert.Equal(4, (int)metrics["faces_found"]!);
        Assert.Equal(2 / 5.0, (double)metrics["accuracy"]!, 6);
        Assert.Equal("sad/broken.jpg", ((string)metrics["unreadable"]![0]!).Replace('\\', '/'));
        Assert.Equal(1, (int)metrics["per_class"]!["neutral"]!["no_face"]!);
        Assert.Equal("haar", (string)metrics["detector"]!["name"]!);
        Assert.NotNull(metrics["crop"]!["box_size"]);
        Assert.NotNull(metrics["macro_f1"]);
        foreach (var file in new[] { "predictions.csv", "confusion.png", "confusion-normalized.png", "per-class.png", "crops.png", "mistakes.png", "report.md" })
        {
            Assert.True(new FileInfo(Path.Combine(output, file)).Length > 0, file);
        }
        using var crops = Cv2.ImRead(Path.Combine(output, "crops.png"));
        Assert.False(crops.Empty());
        Assert.Equal(6, File.ReadAllLines(Path.Combine(output, "predictions.csv")).Length);
    }

    [Fact]
    public void The_YuNet_detector_is_one_flag_away()
    {
        var pictures = TinySet();
        var model = TinyModels.Save(TinyModels.AlwaysPredicts(Emotion.Sad), _temp.File("model.onnx"));
        var output = _temp.File("out");

        var exit = Run("--images", pictures, "--model", model, "--detector", "YuNet", "--yunet", SharedFaces.YuNet, "--out", output);

        Assert.Equal(0, exit);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")))!;
        Assert.Equal("yunet", (string)metrics["detector"]!["name"]!);
        Assert.Equal(4, (int)metrics["faces_found"]!);
        Assert.Equal(2 / 5.0, (double)metrics["accuracy"]!, 6);
    }

    [Fact]
    public void An_output_path_that_is_a_file_fails_before_any_work()
    {
        var file = _temp.File("taken");
        File.WriteAllText(file, "");

        var exit = Run("--images", _temp.File("absent"), "--out", file);

        Assert.Equal(1, exit);
    }
}
