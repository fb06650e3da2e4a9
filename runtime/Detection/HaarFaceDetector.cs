using FerMusic.Core.Imaging;
using OpenCvSharp;

namespace FerMusic.Runtime.Detection;

/// <summary>
/// Haar-cascade face detection on an equalised grey frame, run on a downscaled copy for speed and mapped back to
/// frame coordinates. Largest face first. Not thread-safe: one per pipeline.
/// </summary>
public sealed class HaarFaceDetector : IDisposable
{
    private readonly CascadeClassifier _cascade;
    private readonly DetectorOptions _options;
    private readonly Mat _small = new();

    public HaarFaceDetector(string cascadePath, DetectorOptions? options = null)
    {
        _cascade = new CascadeClassifier();
        if (!_cascade.Load(cascadePath) || _cascade.Empty())
        {
            _cascade.Dispose();
            throw new InvalidDataException($"{cascadePath} is not a loadable Haar cascade.");
        }
        _options = options ?? new DetectorOptions();
    }

    public PixelRect[] Detect(Mat equalizedGrey)
    {
        var scale = _options.DetectionWidth > 0 && equalizedGrey.Width > _options.DetectionWidth
            ? (double)_options.DetectionWidth / equalizedGrey.Width
            : 1.0;
        var input = equalizedGrey;
        if (scale < 1)
        {
            Cv2.Resize(equalizedGrey, _small, new Size(0, 0), scale, scale, InterpolationFlags.Area);
            input = _small;
        }
        var minSize = Math.Max(12, (int)(_options.MinFaceSize * scale));
        var found = _cascade.DetectMultiScale(input, _options.ScaleFactor, _options.MinNeighbors, HaarDetectionTypes.ScaleImage, new Size(minSize, minSize));
        return found
            .Select(r => new PixelRect((int)(r.X / scale), (int)(r.Y / scale), (int)(r.Width / scale), (int)(r.Height / scale)))
            .OrderByDescending(r => r.Area)
            .ToArray();
    }

    public void Dispose()
    {
        _cascade.Dispose();
        _small.Dispose();
    }
}
