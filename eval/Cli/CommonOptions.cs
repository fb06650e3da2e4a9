using System.CommandLine;
using FerMusic.Core.Cli;
using FerMusic.Core.Fer2013;
using FerMusic.Core.Model;
using FerMusic.Eval.Evaluation;

namespace FerMusic.Eval.Cli;

/// <summary>Options shared by <c>eval</c> and <c>eval compare</c>.</summary>
public sealed class CommonOptions
{
    public Option<string> Data { get; } = new("--data") { Description = "fer2013.csv or fer2013.csv.gz, or an image folder <root>/<emotion>/*.png|jpg.", Required = true };
    public Option<string> Out { get; } = new("--out") { Description = "Output directory.", Required = true };
    public Option<Fer2013Split> Split { get; } = new("--split") { Description = "FER2013 split to score (report PrivateTest; tune on PublicTest).", DefaultValueFactory = _ => Fer2013Split.PrivateTest };
    public Option<LabelSet> Labels { get; } = new("--labels") { Description = "Score against FER2013's labels or FER+ majority labels (needs --ferplus).", DefaultValueFactory = _ => LabelSet.Fer2013 };
    public Option<string?> FerPlus { get; } = new("--ferplus") { Description = "FER+ votes, fer2013new.csv (row for row with FER2013)." };
    public Option<TtaMode> Tta { get; } = new("--tta") { Description = "Test-time augmentation: None, Flip (face + mirror) or TenCrop (5 crops + mirrors).", DefaultValueFactory = _ => TtaMode.None };
    public Option<int> Threads { get; } = new("--threads") { Description = "ONNX Runtime threads (0 = all cores).", DefaultValueFactory = _ => 0 };
    public Option<bool> SkipBadRows { get; } = new("--skip-bad-rows") { Description = "Skip malformed CSV rows (counted in the report)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Data, Out, Split, Labels, FerPlus, Tta, Threads, SkipBadRows })
        {
            command.Options.Add(option);
        }
    }

    public EvaluationRequest Request(ParseResult parse, string model) => new()
    {
        ModelPath = model,
        DataPath = parse.GetRequiredValue(Data),
        Split = parse.GetValue(Split),
        Labels = parse.GetValue(Labels),
        FerPlusPath = parse.GetValue(FerPlus),
        Tta = parse.GetValue(Tta),
        Threads = parse.GetValue(Threads),
        SkipBadRows = parse.GetValue(SkipBadRows),
        CommandLine = CommandLines.Reproduce("eval"),
    };
}
