using FerMusic.Core.Imaging;
using FerMusic.Core.Model;

namespace FerMusic.Core.Faces;

/// <summary>
/// Cuts a detected face out of a grey frame as a model's 48x48 input, framed as <see cref="FaceFraming"/> says:
/// the one crop that training data, evaluation and the live runtime share.
/// </summary>
public static class FaceCrop
{
    /// <summary>The map from the model input's pixels to the frame for a face found at <paramref name="face"/>.</summary>
    public static AffineSampling Sampling(FaceLocation face, FaceFraming framing, FaceAlignment alignment)
    {
        var eyes = alignment != FaceAlignment.Box && face.Eyes is { } found && framing.Eyes is { } target ? (found, target) : ((EyePair, EyePair)?)null;
        if (eyes is var (faceEyes, frameEyes) && alignment == FaceAlignment.Eyes && frameEyes.Distance > 0 && faceEyes.Distance > 0)
        {
            return AffineSampling.Similarity(frameEyes.Midpoint, faceEyes.Midpoint, faceEyes.Distance / frameEyes.Distance,
                faceEyes.Angle - frameEyes.Angle);
        }
        var angle = eyes is var (seen, wanted) ? seen.Angle - wanted.Angle : 0;
        return AffineSampling.Similarity(framing.BoxCentre, face.BoxCentre, framing.ScaleFor(face.Box), angle);
    }

    /// <summary>Writes the 48x48 face into <paramref name="destination"/>.</summary>
    public static void Extract(ReadOnlySpan<byte> frame, int width, int height, int stride, FaceLocation face, FaceFraming framing,
        FaceAlignment alignment, Span<byte> destination) =>
        GreyWarp.Sample(frame, width, height, stride, Sampling(face, framing, alignment), destination, ModelContract.ImageSize, ModelContract.ImageSize);
}
