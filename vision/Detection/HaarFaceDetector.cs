using FerMusic.Core.Faces;
using FerMusic.Core.Imaging;
using FerMusic.Vision.Frames;
using OpenCvSharp;

namespace FerMusic.Vision.Detection;

/// <summary>
/// Haar-cascade face detection on an equalised grey frame. The whole frame is searched on a downscaled copy for
/// speed; between such searches each known face is looked for only in a window around its last position, at full
/// resolution, which is both faster and finds more faces. Largest face first. Not thread-safe: one per pipeline.
/// </summary>
public sealed class HaarFaceDetector : IFaceDetector
{
    public const string DetectorName = "haar";
    private const double SearchMargin = 0.5;
    private readonly CascadeClassifier _cascade;
    private readonly HaarOptions _options;
    private readonly Mat _small = new();
    private PixelRect[] _known = [];
    private int _sinceFullScan;

    public HaarFaceDetector(string cascadePath, HaarOptions? options = null)
    {
        _cascade = new CascadeClassifier();
        bool loaded;
        try
        {
            loaded = _cascade.Load(cascadePath) && !_cascade.Empty();
        }
        catch (OpenCVException)
        {
            loaded = false;
        }
        if (!loaded)
        {
            _cascade.Dispose();
            throw new InvalidDataException($"{cascadePath} is not a loadable Haar cascade.");
        }
        _options = options ?? new HaarOptions();
    }

    public string Name => DetectorName;

    public FaceLocation[] Detect(VisionFrame frame) => [.. DetectBoxes(frame.Equalized).Select(box => new FaceLocation(box))];

    public void Reset()
    {
        _known = [];
        _sinceFullScan = 0;
    }

    private PixelRect[] DetectBoxes(Mat equalizedGrey)
    {
        if (_options.Track && _known.Length > 0 && _sinceFullScan < _options.FullScanEvery)
        {
            var tracked = _known.Select(face => Track(equalizedGrey, face)).ToArray();
            if (tracked.All(face => face is not null))
            {
                _sinceFullScan++;
                return _known = Largest(tracked.Select(face => face!.Value));
            }
        }
        _sinceFullScan = 0;
        return _known = Largest(SearchWholeFrame(equalizedGrey));
    }

    private IEnumerable<PixelRect> SearchWholeFrame(Mat grey)
    {
        var scale = _options.DetectionWidth > 0 && grey.Width > _options.DetectionWidth
            ? (double)_options.DetectionWidth / grey.Width
            : 1.0;
        var input = grey;
        if (scale < 1)
        {
            Cv2.Resize(grey, _small, new Size(0, 0), scale, scale, InterpolationFlags.Area);
            input = _small;
        }
        var minSize = Math.Max(12, (int)(_options.MinFaceSize * scale));
        return _cascade.DetectMultiScale(input, _options.ScaleFactor, _options.MinNeighbors, HaarDetectionTypes.ScaleImage, new Size(minSize, minSize))
            .Select(r => new PixelRect((int)(r.X / scale), (int)(r.Y / scale), (int)(r.Width / scale), (int)(r.Height / scale)));
    }

    /// <summary>The face near <paramref name="last"/>, searched at full resolution in a window around it.</summary>
    private PixelRect? Track(Mat grey, PixelRect last)
    {
        var grow = (int)(Math.Max(last.Width, last.Height) * SearchMargin);
        var x = Math.Max(0, last.X - grow);
        var y = Math.Max(0, last.Y - grow);
        var window = new Rect(x, y, Math.Min(grey.Width, last.X + last.Width + grow) - x, Math.Min(grey.Height, last.Y + last.Height + grow) - y);
        using var region = new Mat(grey, window);
        var size = Math.Max(last.Width, last.Height);
        var found = _cascade.DetectMultiScale(region, _options.ScaleFactor, _options.MinNeighbors, HaarDetectionTypes.ScaleImage,
            new Size((int)(size * 0.7), (int)(size * 0.7)), new Size((int)(size * 1.4), (int)(size * 1.4)));
        if (found.Length == 0)
        {
            return null;
        }
        var best = found.MaxBy(r => r.Width * r.Height);
        return new PixelRect(best.X + x, best.Y + y, best.Width, best.Height);
    }

    /// <summary>Largest first, dropping any box that mostly overlaps a larger one (the cascade often reports a face twice).</summary>
    private static PixelRect[] Largest(IEnumerable<PixelRect> faces)
    {
        var kept = new List<PixelRect>();
        foreach (var face in faces.OrderByDescending(r => r.Area))
        {
            if (!kept.Any(k => k.Overlap(face) > 0.5 * face.Area))
            {
                kept.Add(face);
            }
        }
        return [.. kept];
    }

    public void Dispose()
    {
        _cascade.Dispose();
        _small.Dispose();
    }
}
