using FerMusic.Core.Faces;
using FerMusic.Core.Model;
using FerMusic.Vision.Faces;
using FerMusic.Vision.Frames;

namespace FerMusic.Runtime.Classification;

/// <summary>
/// Classifies every face of a frame in one batch: each face is cut out with the model's framing for the detector
/// that found it (the shared crop the evaluation uses too), then run through the model with the chosen test-time
/// views. Buffers are reused.
/// </summary>
public sealed class FrameClassifier(EmotionModel model, FaceFraming framing, FaceAlignment alignment, TtaMode tta)
{
    private readonly ViewAveraging _classifier = new(model, tta);
    private byte[] _faces = new byte[4 * ModelContract.PixelsPerImage];
    private float[] _probabilities = new float[4 * model.Labels.Count];

    public FaceEmotions[] Classify(VisionFrame frame, IReadOnlyList<FaceLocation> faces)
    {
        if (faces.Count == 0)
        {
            return [];
        }
        var size = ModelContract.PixelsPerImage;
        if (_faces.Length < faces.Count * size)
        {
            _faces = new byte[faces.Count * size];
            _probabilities = new float[faces.Count * model.Labels.Count];
        }
        FaceInputs.Write(frame, faces, framing, alignment, _faces);
        _classifier.Predict(_faces.AsSpan(0, faces.Count * size), _probabilities);
        var classes = model.Labels.Count;
        return [.. faces.Select((face, i) => new FaceEmotions(face.Box, _probabilities.AsSpan(i * classes, classes).ToArray()))];
    }
}
