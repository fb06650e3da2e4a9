namespace FerMusic.Core.Model;

/// <summary>
/// What every FerMusic ONNX model promises: input <c>input</c> float32 [N,1,48,48] of raw grey values 0..255
/// (normalisation happens inside the graph), output <c>probabilities</c> float32 [N,7] (softmax inside the graph),
/// and metadata naming the labels and how faces are framed in the 48x48 input.
/// </summary>
public static class ModelContract
{
    public const string InputName = "input";
    public const string OutputName = "probabilities";
    public const int ImageSize = 48;
    public const int PixelsPerImage = ImageSize * ImageSize;

    /// <summary>Metadata key: comma-separated labels in output order.</summary>
    public const string LabelsKey = "labels";

    /// <summary>
    /// Metadata key: where each face detector's box (and the eyes) sit in the 48x48 input, as JSON
    /// (see <see cref="Faces.FaceFramings"/>). Written by the trainer from the framing measured on its training data.
    /// </summary>
    public const string FaceFramingKey = "face_framing";

    /// <summary>
    /// Metadata key of models from before <see cref="FaceFramingKey"/>: extra margin around a detected face box, as a
    /// fraction of its side, before resizing to 48x48. Used for detectors the framing does not name.
    /// </summary>
    public const string FaceMarginKey = "face_margin";

    /// <summary>The margin a model that states neither key is cropped with.</summary>
    public const float DefaultFaceMargin = 0.1f;

    /// <summary>Normalisation applied inside the graph: (x - PixelMean) / PixelStd.</summary>
    public const float PixelMean = 128f;
    public const float PixelStd = 64f;
}
