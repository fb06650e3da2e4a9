using OpenCvSharp;

namespace FerMusic.Runtime.Capture;

/// <summary>Something that yields video frames one at a time.</summary>
public interface IFrameReader : IDisposable
{
    /// <summary>Reads the next frame into <paramref name="frame"/>; false when none came (end of file, camera gone).</summary>
    bool Read(Mat frame);

    /// <summary>A camera or stream, which may come back; a file that ends has ended.</summary>
    bool IsLive { get; }
}
