using OpenCvSharp;

namespace FerMusic.Runtime.Pipeline;

/// <summary>The two grey versions of a frame the pipeline needs, made once per frame into reused buffers.</summary>
public sealed class GreyFrame : IDisposable
{
    /// <summary>Plain grey, for classification (FER2013 faces are not equalised).</summary>
    public Mat Grey { get; } = new();

    /// <summary>Histogram-equalised grey, for detection.</summary>
    public Mat Equalized { get; } = new();

    public void Update(Mat frame)
    {
        if (frame.Channels() == 1)
        {
            frame.CopyTo(Grey);
        }
        else
        {
            Cv2.CvtColor(frame, Grey, frame.Channels() == 4 ? ColorConversionCodes.BGRA2GRAY : ColorConversionCodes.BGR2GRAY);
        }
        Cv2.EqualizeHist(Grey, Equalized);
    }

    public void Dispose()
    {
        Grey.Dispose();
        Equalized.Dispose();
    }
}
