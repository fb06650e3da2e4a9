using FerMusic.Core;
using FerMusic.Core.Imaging;
using OpenCvSharp;

namespace FerMusic.Runtime.Classification;

/// <summary>
/// Classifies every face of a frame in one batch: each box is grown by the model's face margin, cut from the grey
/// frame and resized to 48x48 with the shared preprocessing, then run through the model. Buffers are reused.
/// </summary>
public sealed class FrameClassifier(EmotionModel model)
{
    private byte[] _faces = new byte[4 * ModelContract.PixelsPerImage];
    private float[] _probabilities = new float[4 * model.Labels.Count];

    public EmotionModel Model => model;

    public FaceEmotions[] Classify(Mat grey, IReadOnlyList<PixelRect> boxes)
    {
        if (boxes.Count == 0)
        {
            return [];
        }
        if (grey.Type() != MatType.CV_8UC1 || !grey.IsContinuous())
        {
            throw new ArgumentException("Expected a continuous 8-bit grey frame.", nameof(grey));
        }
        var size = ModelContract.PixelsPerImage;
        if (_faces.Length < boxes.Count * size)
        {
            _faces = new byte[boxes.Count * size];
            _probabilities = new float[boxes.Count * model.Labels.Count];
        }
        var pixels = grey.AsSpan<byte>();
        for (var i = 0; i < boxes.Count; i++)
        {
            FaceRegion.Extract(pixels, grey.Width, grey.Height, (int)grey.Step(), boxes[i], model.FaceMargin, _faces.AsSpan(i * size, size));
        }
        model.Predict(_faces.AsSpan(0, boxes.Count * size), _probabilities);
        var classes = model.Labels.Count;
        return boxes.Select((box, i) => new FaceEmotions(box, _probabilities.AsSpan(i * classes, classes).ToArray())).ToArray();
    }
}
