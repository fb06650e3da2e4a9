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
        var perClass = new Option<bool>("--per-class")
        {
            Description = "After tau, refine each class's offset on PublicTest (one class at a time, +-0.05 to +-1) while the balanced accuracy rises " +
                "and the accuracy stays within --max-accuracy-loss of the model's own; writes the offsets into the model's metadata.",
        };
        var command = new Command("balance",
            "Post-hoc logit adjustment (Menon et al., 2021): subtract tau * log(class share in Training) from the model's logits, " +
            "(with several --model, from the average of their logits: an ensemble written as one model) " +
            "so that disgust and fear are not drowned by the frequent classes. tau is chosen on PublicTest: the best balanced accuracy " +
            "(mean recall) whose accuracy stays within --max-accuracy-loss points of the model's own; --per-class then refines each class's offset " +
            "with the same objective and limit. Writes a new model; PrivateTest is never read.");
        foreach (var option in new Option[] { model, data, output, tau, maxLoss, perClass })
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
            var validation = LogitBalancing.Predict(networks, dataset.Select(Fer2013Split.PublicTest));
            var candidates = LogitBalancing.Score(validation, counts);
            var chosen = fixedTau is { } t
                ? candidates.MinBy(c => Math.Abs(c.Tau - t))!
                : LogitBalancing.Choose(candidates, parse.GetValue(maxLoss) / 100);
            var refined = parse.GetValue(perClass)
                ? LogitBalancing.Refine(validation, chosen, candidates.Single(c => c.Tau == 0).Accuracy - parse.GetValue(maxLoss) / 100)
                : chosen;
            Console.WriteLine($"{"tau",5} {"accuracy",9} {"balanced",9} {"macro-F1",9}  " + string.Join(" ", EmotionLabels.Names.Select(n => $"{n,8}")));
            foreach (var c in candidates)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Tau,5:0.00} {c.Accuracy * 100,8:0.00}% {c.BalancedAccuracy * 100,8:0.00}% {c.MacroF1 * 100,8:0.00}%  ") +
                    string.Join(" ", c.Recall.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r * 100,7:0.0}%"))) + (c == chosen ? "  <- chosen" : ""));
            }
            if (refined != chosen)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{"class",5} {refined.Accuracy * 100,8:0.00}% {refined.BalancedAccuracy * 100,8:0.00}% {refined.MacroF1 * 100,8:0.00}%  ") +
                    string.Join(" ", refined.Recall.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r * 100,7:0.0}%"))) + "  <- per-class offsets");
                Console.WriteLine("offsets: " + string.Join(", ", EmotionLabels.Names.Zip(refined.Offsets,
                    (n, o) => string.Create(CultureInfo.InvariantCulture, $"{n} {o:+0.00;-0.00}"))));
            }
            var tauText = chosen.Tau.ToString("0.00", CultureInfo.InvariantCulture);
            var metadata = sources.Length == 1
                ? OnnxWeightImporter.Metadata(sources[0]).Where(p => p.Key is "best_epoch").ToDictionary(p => p.Key, p => p.Value)
                : [];
            metadata["logit_adjustment_tau"] = tauText;
            metadata["balanced_from"] = string.Join(",", sources.Select(Path.GetFileName));
            metadata["val_accuracy_publictest"] = refined.Accuracy.ToString("0.####", CultureInfo.InvariantCulture);
            if (refined != chosen)
            {
                metadata["logit_offsets"] = string.Join(",", refined.Offsets.Select(o => o.ToString("0.####", CultureInfo.InvariantCulture)));
            }
            LogitBalancing.Apply(networks, refined.Offsets);
            OnnxExporter.Export(networks, outPath, metadata);
            foreach (var network in networks)
            {
                network.Dispose();
            }
            Console.WriteLine($"tau {tauText}{(refined != chosen ? " with per-class offsets" : "")}: PublicTest accuracy {refined.Accuracy:P2}, balanced accuracy {refined.BalancedAccuracy:P2}; wrote {outPath}");
            return 0;
        });
        return command;
    }
}
