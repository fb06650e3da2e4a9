using System.CommandLine;
using FerMusic.Core.Cli;
using FerMusic.Core.IO;
using FerMusic.Eval.Evaluation;
using FerMusic.Eval.Reporting;

namespace FerMusic.Eval.Cli;

/// <summary>The root command: evaluate one model and write metrics, pictures and a report.</summary>
public static class EvaluateCommand
{
    /// <summary>Runs the program: errors end as <see cref="CommandErrors"/> says (one line and exit 1, or a bug's stack trace and exit 70).</summary>
    public static int Run(string[] args) =>
        CommandErrors.Run(() => Create().Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));

    public static RootCommand Create()
    {
        var common = new CommonOptions();
        var model = new Option<string>("--model") { Description = "The ONNX model (FerMusic contract).", Required = true };
        var root = new RootCommand(
            "Evaluate an emotion model on FER2013 (or a labelled image folder) with ONNX Runtime: accuracy, macro-F1, per-class " +
            "precision/recall/F1, confusion matrices, the most confident mistakes and a Markdown report.\n\n" +
            "Example:\n  dotnet run --project eval -c Release -- --model models/fer2013-vgg-mixup100-ft.onnx --data ../shared/data/fer2013/fer2013.csv.gz --out runs/eval");
        root.Options.Add(model);
        common.AddTo(root);
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(FacesCommand.Create());
        root.Subcommands.Add(FramingCommand.Create());
        root.SetAction(parse =>
        {
            OutputFolder.Check(parse.GetRequiredValue(common.Out));
            var request = common.Request(parse, parse.GetRequiredValue(model));
            var result = Evaluator.Run(request);
            var outputs = EvaluationOutputs.Write(parse.GetRequiredValue(common.Out), result);
            var m = result.Metrics;
            Console.WriteLine($"{result.Faces.Split}: accuracy {m.Accuracy:P2}, macro-F1 {m.MacroF1:P2} on {m.Count} faces " +
                              $"(TTA {request.Tta.ToString().ToLowerInvariant()}, {result.MillisecondsPerFace:0.000} ms/face)");
            foreach (var (reason, count) in result.Faces.Excluded)
            {
                Console.WriteLine($"left out: {count} {reason}");
            }
            Console.WriteLine($"wrote {string.Join(", ", outputs.All)} to {parse.GetRequiredValue(common.Out)}");
            return 0;
        });
        return root;
    }
}
