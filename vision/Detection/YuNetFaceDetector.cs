using System.Numerics;
using FerMusic.Core.Faces;
using FerMusic.Core.Imaging;
using FerMusic.Vision.Frames;
using OpenCvSharp;

namespace FerMusic.Vision.Detection;

/// <summary>
/// OpenCV's YuNet face detector (<c>FaceDetectorYN</c>, a small CNN) on the colour frame, downscaled for speed. It
/// reports each face's box and five landmarks, of which the eyes are kept for alignment. Largest face first.
/// Not thread-safe: one per pipeline.
/// </summary>
public sealed class YuNetFaceDetector : IFaceDetector
{
    public const string DetectorName = "yunet";
    private const int TopK = 50;
    private readonly string _modelPath;
    private readonly YuNetOptions _options;
    private readonly Mat _small = new();
    private readonly Mat _faces = new();
    private FaceDetectorYN _net;
    private Size _netSize;

    public YuNetFaceDetector(string modelPath, YuNetOptions? options = null)
    {
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"YuNet face detector model not found: {modelPath}", modelPath);
        }
        _modelPath = modelPath;
        _options = options ?? new YuNetOptions();
        _netSize = new Size(320, 240);
        try
        {
            _net = Create(_netSize);
        }
        catch (OpenCVException e)
        {
            throw new InvalidDataException($"{modelPath} is not a loadable YuNet model ({e.Message.Split('\n')[0]}).");
        }
    }

    public string Name => DetectorName;

    public void Reset()
    {
    }

    public FaceLocation[] Detect(VisionFrame frame)
    {
        var colour = frame.Colour;
        var scale = _options.DetectionWidth > 0 && colour.Width > _options.DetectionWidth
            ? (float)_options.DetectionWidth / colour.Width
            : 1f;
        var input = colour;
        if (scale < 1)
        {
            Cv2.Resize(colour, _small, new Size(_options.DetectionWidth, Math.Max(1, (int)MathF.Round(colour.Height * scale))), 0, 0, InterpolationFlags.Area);
            input = _small;
            scale = (float)_small.Width / colour.Width;
        }
        if (input.Size() != _netSize)
        {
            _net.Dispose();
            _netSize = input.Size();
            _net = Create(_netSize);
        }
        _net.Detect(input, _faces);
        var rows = _faces.Empty() ? 0 : _faces.Rows;
        if (rows == 0)
        {
            return [];
        }
        // One row per face: box x, y, width, height; right eye, left eye, nose, mouth corners (x, y each); score.
        var values = _faces.AsSpan<float>();
        var columns = values.Length / rows;
        var found = new List<FaceLocation>(rows);
        for (var row = 0; row < rows; row++)
        {
            var face = values.Slice(row * columns, columns);
            var box = new PixelRect((int)MathF.Round(face[0] / scale), (int)MathF.Round(face[1] / scale),
                (int)MathF.Round(face[2] / scale), (int)MathF.Round(face[3] / scale));
            if (Math.Min(box.Width, box.Height) < _options.MinFaceSize)
            {
                continue;
            }
            var eyes = EyePair.Of(new Vector2(face[4], face[5]) / scale, new Vector2(face[6], face[7]) / scale);
            found.Add(new FaceLocation(box, eyes));
        }
        return [.. found.OrderByDescending(face => face.Box.Area)];
    }

    private FaceDetectorYN Create(Size size) =>
        FaceDetectorYN.Create(_modelPath, "", size, _options.ScoreThreshold, _options.NmsThreshold, TopK);

    public void Dispose()
    {
        _net.Dispose();
        _small.Dispose();
        _faces.Dispose();
    }
}
