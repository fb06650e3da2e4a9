using FerMusic.Core.Cli;
using System.Globalization;
using OpenCvSharp;

namespace FerMusic.Runtime.Capture;

/// <summary>An OpenCV video source: a camera index, a video file or a stream URL.</summary>
public sealed class VideoSource : IFrameReader
{
    private readonly VideoCapture _capture;

    private VideoSource(VideoCapture capture, bool isLive)
    {
        _capture = capture;
        IsLive = isLive;
    }

    public bool IsLive { get; }

    /// <summary>Frames per second, or the PAL rate of 25 when the source does not say (some streams and cameras).</summary>
    public double FramesPerSecond => _capture.Fps > 0 ? _capture.Fps : 25;

    public static VideoSource Open(string source)
    {
        if (int.TryParse(source, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
        {
            var camera = new VideoCapture(index);
            if (!camera.IsOpened())
            {
                camera.Dispose();
                throw new UserErrorException($"Camera {index} is not available (is a camera connected, and is /dev/video{index} readable?).");
            }
            return new VideoSource(camera, isLive: true);
        }
        var isUrl = source.Contains("://", StringComparison.Ordinal);
        if (!isUrl && !File.Exists(source))
        {
            throw new FileNotFoundException($"Video file not found: {source}", source);
        }
        var capture = new VideoCapture(source);
        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw new InvalidDataException(isUrl
                ? $"The stream {source} cannot be opened."
                : $"{source} cannot be opened as a video (corrupt, or a format OpenCV cannot read).");
        }
        return new VideoSource(capture, isLive: isUrl);
    }

    public bool Read(Mat frame) => _capture.Read(frame) && !frame.Empty();

    public void Dispose() => _capture.Dispose();
}
