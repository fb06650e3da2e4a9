using FerMusic.Core.Faces;
using FerMusic.Core.Model;

namespace FerMusic.Vision.Detection;

/// <summary>
/// How faces are found, cut out and classified: the detector, its model file (null = the standard place), its options,
/// how a found face is aligned to the model's framing, and the test-time views averaged. The defaults are the live runtime's.
/// </summary>
public sealed record FaceSettings
{
    public DetectorKind Kind { get; init; } = DetectorKind.Haar;
    public string? CascadePath { get; init; }
    public string? YuNetPath { get; init; }
    public HaarOptions Haar { get; init; } = new();
    public YuNetOptions YuNet { get; init; } = new();
    public FaceAlignment Alignment { get; init; } = FaceAlignment.Level;

    /// <summary>Views of each face whose probabilities are averaged (None, or Flip: the face and its mirror image).</summary>
    public TtaMode Tta { get; init; } = TtaMode.None;

    /// <summary>A framing that replaces the model's own (null = the model's).</summary>
    public FaceFramings? Framing { get; init; }

    /// <summary>The framing to crop faces of this detector with, for a model whose own framings are <paramref name="model"/>.</summary>
    public FaceFraming FramingFor(FaceFramings model) => (Framing ?? model).For(Name);

    public string Name => Kind == DetectorKind.YuNet ? YuNetFaceDetector.DetectorName : HaarFaceDetector.DetectorName;
}

/// <summary>
/// Finds and checks a detector's model file once (a clear error at start-up, not in every session), then makes
/// one detector per pipeline.
/// </summary>
public sealed class FaceDetectorFactory
{
    private readonly string _modelPath;

    public FaceDetectorFactory(FaceSettings settings)
    {
        Settings = settings;
        _modelPath = settings.Kind == DetectorKind.YuNet ? YuNetLocator.Resolve(settings.YuNetPath) : CascadeLocator.Resolve(settings.CascadePath);
        Create().Dispose();
    }

    public FaceSettings Settings { get; }

    /// <summary>The detector's model file (cascade or network).</summary>
    public string ModelPath => _modelPath;

    public IFaceDetector Create() => Settings.Kind == DetectorKind.YuNet
        ? new YuNetFaceDetector(_modelPath, Settings.YuNet)
        : new HaarFaceDetector(_modelPath, Settings.Haar);
}
