using System.CommandLine;
using FerMusic.Core.Cli;
using FerMusic.Core.IO;
using FerMusic.Core.Model;
using FerMusic.Eval.Faces;
using FerMusic.Eval.Reporting;
using FerMusic.Vision;
using FerMusic.Vision.Cli;

namespace FerMusic.Eval.Cli;

/// <summary><c>faces</c>: the live path (detect, align, crop, classify) on labelled full-frame pictures.</summary>
public static class FacesCommand
{
    public static Command Create()
    {
        var images = new Option<string>("--images") { Description = "Folder of pictures (PNG, JPEG, GIF, BMP, TIFF, WebP; colour or grey): <root>/<emotion>/*, or the files --labels names.", Required = true };
        var labels = new Option<string?>("--labels") { Description = "CSV with columns 'file' (relative to --images) and 'label' (angry, disgust, fear, happy, sad, surprise or neutral)." };
        var model = new Option<string?>("--model") { Description = $"The ONNX model (default: the shipped models/{ShippedModel.FileName}, as the live runtime)." };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out") { Description = "Output directory.", Required = true };
        var faces = new FaceOptions();
        var command = new Command("faces",
            "Evaluate the live path on labelled full-frame pictures: every picture goes through the runtime's own face detection, " +
            "alignment and crop, then the model; a picture without a face counts as wrong. Writes metrics.json, predictions.csv, " +
            "confusion matrices, per-class bars, contact sheets of the 48x48 crops the model saw and report.md. The defaults are the live demo's.\n\n" +
            "Example:\n  dotnet run --project eval -c Release -- faces --images ../shared/data/expressions/taiwanese/images " +
            "--labels ../shared/data/expressions/taiwanese/labels_agreed.csv --out runs/faces");
        command.Options.Add(images);
        command.Options.Add(labels);
        command.Options.Add(model);
        faces.AddTo(command);
        command.Options.Add(threads);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var outDir = OutputFolder.Check(parse.GetRequiredValue(output));
            var settings = faces.Settings(parse);
            var pictures = PictureSet.Load(parse.GetRequiredValue(images), parse.GetValue(labels));
            using var loaded = EmotionModel.Load(ShippedModel.Resolve(parse.GetValue(model)), parse.GetValue(threads));
            var progress = new Progress<int>(done =>
            {
                if (done % 100 == 0 || done == pictures.Pictures.Count)
                {
                    Console.Error.Write($"\r{done}/{pictures.Pictures.Count} pictures");
                }
            });
            var result = LivePathEvaluator.Run(pictures, loaded, settings, progress);
            Console.Error.WriteLine();
            var files = FacesOutputs.Write(outDir, result, CommandLines.Reproduce("eval"));
            var m = result.Metrics;
            Console.WriteLine($"{settings.Name}, alignment {settings.Alignment.ToString().ToLowerInvariant()}, TTA {settings.Tta.ToString().ToLowerInvariant()}: accuracy {m.Accuracy:P2}, macro-F1 {m.MacroF1:P2} " +
                              $"on {m.Count} pictures; faces found in {result.FacesFound} ({(double)result.FacesFound / Math.Max(1, m.Count):P1}); " +
                              $"{result.DetectMilliseconds:0.0} ms/picture to detect and crop");
            Console.WriteLine("recall: " + string.Join(", ", m.Labels.Select((l, c) => $"{l} {m.PerClass[c].Recall:P0}")));
            if (result.Unreadable.Count > 0)
            {
                Console.WriteLine($"unreadable, left out: {result.Unreadable.Count} ({string.Join(", ", result.Unreadable.Take(5).Select(o => o.Picture.Name))}{(result.Unreadable.Count > 5 ? ", ..." : "")})");
            }
            Console.WriteLine($"wrote {string.Join(", ", files.All)} to {outDir}");
            return 0;
        });
        return command;
    }
}
