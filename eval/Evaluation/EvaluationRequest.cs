using FerMusic.Core.Fer2013;
using FerMusic.Core.Model;

namespace FerMusic.Eval.Evaluation;

public enum LabelSet
{
    Fer2013,
    FerPlus,
}

public sealed record EvaluationRequest
{
    public required string ModelPath { get; init; }
    public required string DataPath { get; init; }
    public Fer2013Split Split { get; init; } = Fer2013Split.PrivateTest;
    public LabelSet Labels { get; init; } = LabelSet.Fer2013;
    public string? FerPlusPath { get; init; }
    public TtaMode Tta { get; init; } = TtaMode.None;
    public bool SkipBadRows { get; init; }
    public int Threads { get; init; }
    public string CommandLine { get; init; } = "";
}
