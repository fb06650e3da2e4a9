using FerMusic.Core.Faces;
using FerMusic.Core.Model;
using FerMusic.Vision.Frames;

namespace FerMusic.Vision.Faces;

/// <summary>Cuts detected faces out of a frame as a model's 48x48 inputs, with the framing the model was trained for.</summary>
public static class FaceInputs
{
    /// <param name="destination">Room for one 48x48 image per face, written one after another.</param>
    public static void Write(VisionFrame frame, IReadOnlyList<FaceLocation> faces, FaceFraming framing, FaceAlignment alignment, Span<byte> destination)
    {
        var grey = frame.Grey;
        var pixels = grey.AsSpan<byte>();
        var size = ModelContract.PixelsPerImage;
        for (var i = 0; i < faces.Count; i++)
        {
            FaceCrop.Extract(pixels, grey.Width, grey.Height, (int)grey.Step(), faces[i], framing, alignment, destination.Slice(i * size, size));
        }
    }
}
