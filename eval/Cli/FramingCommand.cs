using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using FerMusic.Core.Cli;
using FerMusic.Core.Faces;
using FerMusic.Core.Fer2013;
using FerMusic.Core.IO;
using FerMusic.Eval.Framing;
using FerMusic.Vision.Cli;
using FerMusic.Vision.Detection;

namespace FerMusic.Eval.Cli;

/// <summary><c>framing</c>: where each face detector's box and eyes sit in FER2013's 48x48 frames.</summary>
public static class FramingCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "fer2013.csv or fer2013.csv.gz.", Required = true };
        var split = new Option<Fer2013Split>("--split") { Description = "The split to measure on (the one models train on).", DefaultValueFactory = _ => Fer2013Split.Training };
        var every = new Option<int>("--every") { Description = "Measure every n-th image of the split (1 = all).", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Output directory.", Required = true };
        var faces = new FaceOptions();
        var command = new Command("framing",
            "Measure where the Haar and YuNet detectors put the face in FER2013's 48x48 images (each enlarged 4x with its edges " +
            "repeated around it): the median box and eyes are the framing the live crop reproduces and the trainer writes into " +
            "every model. Writes framing.json (the model metadata's form), framing-stats.json and framing.png.");
        command.Options.Add(data);
        command.Options.Add(split);
        command.Options.Add(every);
        faces.AddTo(command);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var outDir = OutputFolder.Check(parse.GetRequiredValue(output));
            var step = parse.GetValue(every) > 0 ? parse.GetValue(every) : throw new UserErrorException("--every must be 1 or more.");
            var dataset = Fer2013Reader.Read(parse.GetRequiredValue(data)).Dataset;
            var indices = dataset.IndicesOf(parse.GetValue(split)).Where((_, i) => i % step == 0).ToArray();
            var images = dataset.Subset(indices);
            var settings = faces.Settings(parse) with { Haar = faces.Settings(parse).Haar with { Track = false } };
            var results = new List<FramingResult>();
            foreach (var kind in Enum.GetValues<DetectorKind>())
            {
                var progress = new Progress<int>(done =>
                {
                    if (done % 1000 == 0 || done == images.Count)
                    {
                        Console.Error.Write($"\r{kind}: {done}/{images.Count} images");
                    }
                });
                results.Add(FramingMeasurement.Measure(images, settings with { Kind = kind }, progress));
                Console.Error.WriteLine();
            }
            var framings = new FaceFramings(results.ToDictionary(r => r.Detector, r => r.Framing), FaceFraming.FromMargin(0));
            File.WriteAllText(Path.Combine(outDir, "framing.json"), framings.ToJson());
            File.WriteAllText(Path.Combine(outDir, "framing-stats.json"), Stats(results).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            FramingPicture.Save(Path.Combine(outDir, "framing.png"), images, results);
            foreach (var r in results)
            {
                Console.WriteLine(Summary(r));
            }
            Console.WriteLine($"framing: {framings.ToJson()}");
            Console.WriteLine($"wrote framing.json, framing-stats.json, framing.png to {outDir}");
            return 0;
        });
        return command;
    }

    private static string Summary(FramingResult r)
    {
        var f = r.Framing;
        var eyes = f.Eyes is { } e ? FormattableString.Invariant($"; eyes ({e.Left.X:0.00}, {e.Left.Y:0.00}) and ({e.Right.X:0.00}, {e.Right.Y:0.00})") : "";
        return FormattableString.Invariant(
            $"{r.Detector}: face found in {r.Found.Count} of {r.Images} ({r.FoundShare * 100:0.0}%); box centre ({f.BoxCentre.X:0.00}, {f.BoxCentre.Y:0.00}), size {f.BoxSize.X:0.00} x {f.BoxSize.Y:0.00} (half-IQR: centre {r.Spread.X:0.00} / {r.Spread.Y:0.00}, size {r.Spread.Z:0.00}){eyes}");
    }

    private static JsonObject Stats(IReadOnlyList<FramingResult> results)
    {
        var root = new JsonObject { ["command_line"] = CommandLines.Reproduce("eval"), ["upscale"] = FramingMeasurement.Upscale };
        foreach (var r in results)
        {
            root[r.Detector] = new JsonObject
            {
                ["images"] = r.Images,
                ["found"] = r.Found.Count,
                ["half_iqr_centre_x"] = r.Spread.X,
                ["half_iqr_centre_y"] = r.Spread.Y,
                ["half_iqr_width"] = r.Spread.Z,
                ["half_iqr_height"] = r.Spread.W,
            };
        }
        return root;
    }
}
