using System.CommandLine;
using FerMusic.Runtime.Detection;
using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Pipeline;

namespace FerMusic.Runtime.Cli;

/// <summary>Options every runtime verb shares: model, cascade, catalogue and the pipeline's settings.</summary>
public sealed class RuntimeOptions
{
    public Option<string?> Model { get; } = new("--model") { Description = $"ONNX emotion model (default: the shipped models/{RuntimeAssets.DefaultModelName})." };
    public Option<string?> Cascade { get; } = new("--cascade") { Description = "Haar cascade .xml (default: haarcascade_frontalface_default.xml from opencv-data)." };
    public Option<string?> Catalog { get; } = new("--catalog") { Description = "Music catalogue CSV (default: the shipped data/catalog.csv)." };
    public Option<MusicStrategy> Strategy { get; } = new("--strategy") { Description = "Match (music like the mood), Uplift (more positive) or Iso (start matching, then step towards positive).", DefaultValueFactory = _ => MusicStrategy.Match };
    public Option<int> Tracks { get; } = new("--tracks") { Description = "Tracks per recommendation.", DefaultValueFactory = _ => 10 };
    public Option<int> Threads { get; } = new("--threads") { Description = "ONNX Runtime threads (0 = all cores).", DefaultValueFactory = _ => 1 };
    public Option<int> DetectWidth { get; } = new("--detect-width") { Description = "Width frames are downscaled to for face detection (0 = full size).", DefaultValueFactory = _ => new DetectorOptions().DetectionWidth };
    public Option<int> MinNeighbors { get; } = new("--min-neighbors") { Description = "Haar minNeighbors: higher finds fewer, surer faces.", DefaultValueFactory = _ => new DetectorOptions().MinNeighbors };
    public Option<double> ScaleFactor { get; } = new("--scale-factor") { Description = "Haar scaleFactor between detection scales (> 1).", DefaultValueFactory = _ => new DetectorOptions().ScaleFactor };
    public Option<int> MinFace { get; } = new("--min-face") { Description = "Smallest face to find, in pixels of the frame.", DefaultValueFactory = _ => new DetectorOptions().MinFaceSize };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Model, Cascade, Catalog, Strategy, Tracks, Threads, DetectWidth, MinNeighbors, ScaleFactor, MinFace, NoTracking })
        {
            command.Options.Add(option);
        }
    }

    public PipelineFactory Factory(ParseResult parse) =>
        new(parse.GetValue(Model), parse.GetValue(Cascade), parse.GetValue(Catalog), Detector(parse), parse.GetValue(Threads));

    public Option<bool> NoTracking { get; } = new("--no-tracking") { Description = "Search the whole frame every time instead of tracking known faces." };

    private DetectorOptions Detector(ParseResult parse) => new(
        Track: !parse.GetValue(NoTracking),
        ScaleFactor: parse.GetValue(ScaleFactor) > 1 ? parse.GetValue(ScaleFactor) : throw new ArgumentException("--scale-factor must be above 1."),
        MinNeighbors: Math.Max(1, parse.GetValue(MinNeighbors)),
        MinFaceSize: Math.Max(12, parse.GetValue(MinFace)),
        DetectionWidth: Math.Max(0, parse.GetValue(DetectWidth)));

    public PipelineOptions Pipeline(ParseResult parse) => new()
    {
        Strategy = parse.GetValue(Strategy),
        Tracks = parse.GetValue(Tracks) > 0 ? parse.GetValue(Tracks) : throw new ArgumentException("--tracks must be positive."),
    };
}
