namespace FerMusic.Runtime.Detection;

/// <param name="DetectionWidth">Frames are downscaled to this width for detection (0 = full size).</param>
/// <param name="MinFaceSize">Smallest face to find, in pixels of the full frame.</param>
public sealed record DetectorOptions(double ScaleFactor = 1.15, int MinNeighbors = 5, int MinFaceSize = 48, int DetectionWidth = 320);
