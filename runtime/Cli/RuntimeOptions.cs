using FerMusic.Core.Cli;
using System.CommandLine;
using FerMusic.Vision;
using FerMusic.Vision.Cli;
using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Pipeline;

namespace FerMusic.Runtime.Cli;

/// <summary>Options every runtime verb shares: model, cascade, catalogue and the pipeline's settings.</summary>
public sealed class RuntimeOptions
{
    public Option<string?> Model { get; } = new("--model") { Description = $"ONNX emotion model (default: the shipped models/{ShippedModel.FileName})." };
    public Option<string?> Catalog { get; } = new("--catalog") { Description = "Music catalogue CSV (default: the shipped data/catalog.csv)." };
    public Option<MusicStrategy> Strategy { get; } = new("--strategy") { Description = "Match (music like the mood), Uplift (more positive) or Iso (start matching, then step towards positive).", DefaultValueFactory = _ => MusicStrategy.Match };
    public Option<int> Tracks { get; } = new("--tracks") { Description = "Tracks planned ahead of the one playing, shown as \"up next\".", DefaultValueFactory = _ => 4 };
    public Option<int> Threads { get; } = new("--threads") { Description = "ONNX Runtime threads (0 = all cores).", DefaultValueFactory = _ => 1 };
    public FaceOptions Faces { get; } = new();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Model, Catalog, Strategy, Tracks, Threads })
        {
            command.Options.Add(option);
        }
        Faces.AddTo(command);
    }

    /// <summary>Loads model, detector and catalogue; catalogue rows that were left out are listed on stderr, each with its line.</summary>
    public PipelineFactory Factory(ParseResult parse)
    {
        var factory = new PipelineFactory(parse.GetValue(Model), parse.GetValue(Catalog), Faces.Settings(parse), parse.GetValue(Threads));
        foreach (var problem in factory.Catalog.Problems)
        {
            Console.Error.WriteLine($"catalogue row left out: {problem}");
        }
        return factory;
    }

    public PipelineOptions Pipeline(ParseResult parse) => new()
    {
        Strategy = parse.GetValue(Strategy),
        Tracks = parse.GetValue(Tracks) > 0 ? parse.GetValue(Tracks) : throw new UserErrorException("--tracks must be positive."),
    };
}
