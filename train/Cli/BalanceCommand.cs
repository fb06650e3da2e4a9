using System.CommandLine;
using System.Globalization;
using FerMusic.Core;
using FerMusic.Core.Cli;
using FerMusic.Core.Fer2013;
using FerMusic.Train.Balancing;
using FerMusic.Train.Export;

namespace FerMusic.Train.Cli;

/// <summary><c>balance</c>: post-hoc logit adjustment of a trained model, its strength chosen on PublicTest.</summary>
public static class BalanceCommand
{
    public static Command Create()
    {
        var model = new Option<string[]>("--model") { Description = "A model this trainer exported; repeat it to join several into one ensemble (their logits averaged).", Required = true };
        var data = new Option<string>("--data") { Description = "fer2013.csv or fer2013.csv.gz (Training gives the class shares, PublicTest chooses the strength).", Required = true };
        var output = new Option<string>("--out") { Description = "The balanced model to write (.onnx).", Required = true };
        var tau = new Option<double?>("--tau") { Description = "Use this strength (0..1) instead of choosing it." };
        var maxLoss = new Option<double>("--max-accuracy-loss") { Description = "Choosing: the largest drop of PublicTest accuracy, in points, a stronger adjustment may cost.", DefaultValueFactory = _ => 1.0 };
        var command = new Command("balance",
            "Post-hoc logit adjustment (Menon et al., 2021): subtract tau * log(class share in Training) from the model's logits, " +
            "(with several --model, from the average of their logits: an ensemble written as one model) " +
            "so that disgust and fear are not drowned by the frequent classes. tau is chosen on PublicTest: the best balanced accuracy " +
            "(mean recall) whose accuracy stays within --max-accuracy-loss points of the model's own. Writes a new model; PrivateTest is never read.");
        foreach (var option in new Option[] { model, data, output, tau, maxLoss })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            var outPath = parse.GetRequiredValue(output);
            if (Directory.Exists(outPath))
            {
                throw new UserErrorException($"--out {outPath} is a folder; give the .onnx file to write.");
            }
            var fixedTau = parse.GetValue(tau);
            if (fixedTau is < 0 or > 1)
            {
                throw new UserErrorException("--tau must be between 0 and 1.");
            }
            var sources = parse.GetRequiredValue(model);
            var networks = sources.Select(OnnxWeightImporter.Create).ToList();
            var dataset = Fer2013Reader.Read(parse.GetRequiredValue(data)).Dataset;
            var counts = dataset.Select(Fer2013Split.Training).ClassCounts();
            var candidates = LogitBalancing.Score(networks, dataset.Select(Fer2013Split.PublicTest), counts);
            var chosen = fixedTau is { } t
                ? candidates.MinBy(c => Math.Abs(c.Tau - t))!
                : LogitBalancing.Choose(candidates, parse.GetValue(maxLoss) / 100);
            Console.WriteLine($"{"tau",5} {"accuracy",9} {"balanced",9} {"macro-F1",9}  " + string.Join(" ", EmotionLabels.Names.Select(n => $"{n,8}")));
            foreach (var c in candidates)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Tau,5:0.00} {c.Accuracy * 100,8:0.00}% {c.BalancedAccuracy * 100,8:0.00}% {c.MacroF1 * 100,8:0.00}%  ") +
                    string.Join(" ", c.Recall.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r * 100,7:0.0}%"))) + (c == chosen ? "  <- chosen" : ""));
            }
            var tauText = chosen.Tau.ToString("0.00", CultureInfo.InvariantCulture);
            var metadata = sources.Length == 1
                ? OnnxWeightImporter.Metadata(sources[0]).Where(p => p.Key is "best_epoch").ToDictionary(p => p.Key, p => p.Value)
                : [];
            metadata["logit_adjustment_tau"] = tauText;
            metadata["balanced_from"] = string.Join(",", sources.Select(Path.GetFileName));
            metadata["val_accuracy_publictest"] = chosen.Accuracy.ToString("0.####", CultureInfo.InvariantCulture);
            LogitBalancing.Apply(networks, counts, chosen.Tau);
            OnnxExporter.Export(networks, outPath, metadata);
            foreach (var network in networks)
            {
                network.Dispose();
            }
            Console.WriteLine($"tau {tauText}: PublicTest accuracy {chosen.Accuracy:P2}, balanced accuracy {chosen.BalancedAccuracy:P2}; wrote {outPath}");
            return 0;
        });
        return command;
    }
}
