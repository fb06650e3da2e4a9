namespace FerMusic.Vision.Detection;

/// <param name="DetectionWidth">Frames wider than this are downscaled to it for detection (0 = full size).</param>
/// <param name="ScoreThreshold">Lowest face score (0..1) kept.</param>
/// <param name="MinFaceSize">Smallest face to keep, in pixels of the full frame.</param>
public sealed record YuNetOptions(
    int DetectionWidth = 320,
    float ScoreThreshold = 0.6f,
    float NmsThreshold = 0.3f,
    int MinFaceSize = 24);
