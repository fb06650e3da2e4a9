namespace FerMusic.Vision.Detection;

/// <param name="DetectionWidth">Frames are downscaled to this width for the full-frame search (0 = full size).</param>
/// <param name="MinFaceSize">Smallest face to find, in pixels of the full frame.</param>
/// <param name="Track">Between full-frame searches, look for each known face only near where it was, at full resolution.</param>
/// <param name="FullScanEvery">Search the whole frame at least every this many frames (and whenever a tracked face is lost).</param>
public sealed record HaarOptions(
    double ScaleFactor = 1.1,
    int MinNeighbors = 3,
    int MinFaceSize = 48,
    int DetectionWidth = 320,
    bool Track = true,
    int FullScanEvery = 10);
