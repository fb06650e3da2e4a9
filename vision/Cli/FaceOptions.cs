using FerMusic.Core.Cli;
using System.CommandLine;
using FerMusic.Core.Faces;
using FerMusic.Core.Model;
using FerMusic.Vision.Detection;

namespace FerMusic.Vision.Cli;

/// <summary>The command-line options that choose how faces are found and cut out; the runtime and the evaluation share them.</summary>
public sealed class FaceOptions
{
    private static readonly FaceSettings Defaults = new();

    public Option<DetectorKind> Detector { get; } = new("--detector") { Description = "Face detector: Haar (OpenCV's Haar cascade) or YuNet (OpenCV's CNN detector, finds the eyes too).", DefaultValueFactory = _ => Defaults.Kind };
    public Option<string?> Cascade { get; } = new("--cascade") { Description = "Haar cascade .xml (default: haarcascade_frontalface_default.xml from opencv-data)." };
    public Option<string?> YuNet { get; } = new("--yunet") { Description = $"YuNet model .onnx (default: {YuNetLocator.FileName} beside the program or in the shared data)." };
    public Option<FaceAlignment> Alignment { get; } = new("--alignment") { Description = "How a face is mapped onto the model's framing: Box (box only), Level (box, turned so the eyes are level where the detector finds them) or Eyes (from the eyes alone).", DefaultValueFactory = _ => Defaults.Alignment };
    public Option<int> DetectWidth { get; } = new("--detect-width") { Description = "Width frames are downscaled to for face detection (0 = full size).", DefaultValueFactory = _ => Defaults.Haar.DetectionWidth };
    public Option<int> MinNeighbors { get; } = new("--min-neighbors") { Description = "Haar minNeighbors: higher finds fewer, surer faces.", DefaultValueFactory = _ => Defaults.Haar.MinNeighbors };
    public Option<double> ScaleFactor { get; } = new("--scale-factor") { Description = "Haar scaleFactor between detection scales (> 1).", DefaultValueFactory = _ => Defaults.Haar.ScaleFactor };
    public Option<float> MinScore { get; } = new("--min-score") { Description = "YuNet: lowest face score kept (0..1).", DefaultValueFactory = _ => Defaults.YuNet.ScoreThreshold };
    public Option<int> MinFace { get; } = new("--min-face") { Description = "Smallest face to find, in pixels of the frame.", DefaultValueFactory = _ => Defaults.Haar.MinFaceSize };
    public Option<string?> Framing { get; } = new("--framing") { Description = "Use this framing (framing.json, written by 'eval framing') instead of the one in the model's metadata." };
    public Option<TtaMode> Tta { get; } = new("--tta") { Description = "Test-time views of each face whose probabilities are averaged: None, Flip (face and mirror image, about twice the classification time) or TenCrop.", DefaultValueFactory = _ => Defaults.Tta };
    public Option<bool> NoTracking { get; } = new("--no-tracking") { Description = "Haar: search the whole frame every time instead of tracking known faces." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Detector, Cascade, YuNet, Alignment, Framing, Tta, DetectWidth, MinNeighbors, ScaleFactor, MinScore, MinFace, NoTracking })
        {
            command.Options.Add(option);
        }
    }

    private static FaceFramings ReadFraming(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Framing file not found: {path}", path);
        }
        try
        {
            return FaceFramings.Parse(File.ReadAllText(path), ModelContract.DefaultFaceMargin);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{path} is not a framing file: {e.Message}");
        }
    }

    public FaceSettings Settings(ParseResult parse)
    {
        var width = parse.GetValue(DetectWidth) >= 0 ? parse.GetValue(DetectWidth) : throw new UserErrorException("--detect-width must be 0 or more.");
        var minFace = Math.Max(12, parse.GetValue(MinFace));
        var score = parse.GetValue(MinScore);
        return new FaceSettings
        {
            Kind = parse.GetValue(Detector),
            CascadePath = parse.GetValue(Cascade),
            YuNetPath = parse.GetValue(YuNet),
            Alignment = parse.GetValue(Alignment),
            Tta = parse.GetValue(Tta),
            Framing = parse.GetValue(Framing) is { } framing ? ReadFraming(framing) : null,
            Haar = new HaarOptions(
                Track: !parse.GetValue(NoTracking),
                ScaleFactor: parse.GetValue(ScaleFactor) > 1 ? parse.GetValue(ScaleFactor) : throw new UserErrorException("--scale-factor must be above 1."),
                MinNeighbors: Math.Max(1, parse.GetValue(MinNeighbors)),
                MinFaceSize: minFace,
                DetectionWidth: width),
            YuNet = Defaults.YuNet with
            {
                DetectionWidth = width,
                ScoreThreshold = score is > 0 and < 1 ? score : throw new UserErrorException("--min-score must be between 0 and 1."),
                MinFaceSize = Math.Min(minFace, Defaults.YuNet.MinFaceSize),
            },
        };
    }
}
