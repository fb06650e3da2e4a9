using FerMusic.Runtime.Capture;
using OpenCvSharp;

namespace FerMusic.Runtime.Tests.Capture;

/// <summary>
/// A frame reader whose frames carry their number in the top-left pixel (as grey value n % 256), optionally
/// slow, and optionally failing after some frames.
/// </summary>
internal sealed class SyntheticFrames(int frames, bool isLive, TimeSpan delay = default, int failAfter = int.MaxValue) : IFrameReader
{
    private int _next;

    public bool IsLive => isLive;

    public bool Disposed { get; private set; }

    public bool Read(Mat frame)
    {
        if (_next >= frames || _next >= failAfter)
        {
            return false;
        }
        if (delay > TimeSpan.Zero)
        {
            Thread.Sleep(delay);
        }
        frame.Create(8, 8, MatType.CV_8UC1);
        frame.SetTo(Scalar.All(0));
        frame.Set(0, 0, (byte)(_next % 256));
        _next++;
        return true;
    }

    public static int Number(Mat frame) => frame.At<byte>(0, 0);

    public void Dispose() => Disposed = true;
}
