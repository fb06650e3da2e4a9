using OpenCvSharp;

namespace FerMusic.Vision.Frames;

/// <summary>
/// One camera frame or picture in the forms detection and classification need, made into reused buffers:
/// colour (BGR) for DNN detectors, plain grey for the model (FER2013 faces are not equalised) and, on first
/// use, histogram-equalised grey for the Haar cascade.
/// </summary>
public sealed class VisionFrame : IDisposable
{
    private readonly Mat _colour = new();
    private readonly Mat _equalized = new();
    private Mat? _source;
    private bool _colourReady;
    private bool _equalizedReady;

    /// <summary>Plain grey, for classification.</summary>
    public Mat Grey { get; } = new();

    public int Width => Grey.Width;

    public int Height => Grey.Height;

    /// <summary>Takes a grey, BGR or BGRA frame; the frame must stay unchanged until the next call.</summary>
    public void Update(Mat frame)
    {
        if (frame.Empty())
        {
            throw new ArgumentException("The frame is empty.", nameof(frame));
        }
        switch (frame.Channels())
        {
            case 1:
                frame.CopyTo(Grey);
                break;
            case 3:
                Cv2.CvtColor(frame, Grey, ColorConversionCodes.BGR2GRAY);
                break;
            case 4:
                Cv2.CvtColor(frame, Grey, ColorConversionCodes.BGRA2GRAY);
                break;
            default:
                throw new ArgumentException($"Expected 1, 3 or 4 channels, got {frame.Channels()}.", nameof(frame));
        }
        _source = frame;
        _colourReady = false;
        _equalizedReady = false;
    }

    /// <summary>The frame as 3-channel BGR (grey frames repeated in all three channels).</summary>
    public Mat Colour
    {
        get
        {
            var source = _source ?? throw new InvalidOperationException("No frame yet.");
            if (source.Channels() == 3)
            {
                return source;
            }
            if (!_colourReady)
            {
                Cv2.CvtColor(source, _colour, source.Channels() == 4 ? ColorConversionCodes.BGRA2BGR : ColorConversionCodes.GRAY2BGR);
                _colourReady = true;
            }
            return _colour;
        }
    }

    /// <summary>Histogram-equalised grey, for the Haar cascade.</summary>
    public Mat Equalized
    {
        get
        {
            if (!_equalizedReady)
            {
                Cv2.EqualizeHist(Grey, _equalized);
                _equalizedReady = true;
            }
            return _equalized;
        }
    }

    public void Dispose()
    {
        Grey.Dispose();
        _colour.Dispose();
        _equalized.Dispose();
    }
}
