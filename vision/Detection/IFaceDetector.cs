using FerMusic.Core.Faces;
using FerMusic.Vision.Frames;

namespace FerMusic.Vision.Detection;

/// <summary>Finds faces in frames. Not thread-safe: one per pipeline.</summary>
public interface IFaceDetector : IDisposable
{
    /// <summary>The detector's name (<c>haar</c>, <c>yunet</c>): the key of its framing in a model's metadata.</summary>
    string Name { get; }

    /// <summary>The faces in the frame, largest first.</summary>
    FaceLocation[] Detect(VisionFrame frame);

    /// <summary>Forgets what earlier frames showed (for pictures that are not a sequence).</summary>
    void Reset();
}
