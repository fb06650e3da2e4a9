using System.Diagnostics;
using OpenCvSharp;

namespace FerMusic.Runtime.Capture;

/// <summary>
/// Plays a video file like a camera: frames come at the file's own frame rate, and at the end the file starts
/// again. The server camera uses it, so a page opened at any time sees the video move.
/// </summary>
public sealed class LoopingPlayback : IFrameReader
{
    private readonly Func<IFrameReader> _reopen;
    private readonly long _ticksPerFrame;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private IFrameReader? _reader;
    private long _due;

    /// <param name="first">The opened file.</param>
    /// <param name="reopen">Opens the file again from its first frame.</param>
    public LoopingPlayback(IFrameReader first, Func<IFrameReader> reopen, double framesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(framesPerSecond);
        _reader = first;
        _reopen = reopen;
        _ticksPerFrame = (long)(Stopwatch.Frequency / framesPerSecond);
    }

    /// <summary>Opens <paramref name="source"/>: cameras and streams as they are, files as a looping playback.</summary>
    public static IFrameReader OpenAsCamera(string source)
    {
        var video = VideoSource.Open(source);
        return video.IsLive ? video : new LoopingPlayback(video, () => VideoSource.Open(source), video.FramesPerSecond);
    }

    /// <summary>Never ends by itself; false only when the file no longer gives a single frame.</summary>
    public bool IsLive => true;

    public bool Read(Mat frame)
    {
        if (_reader is null || (!_reader.Read(frame) && !Restart(frame)))
        {
            return false;
        }
        WaitUntilDue();
        return true;
    }

    private bool Restart(Mat frame)
    {
        _reader?.Dispose();
        _reader = null;
        try
        {
            _reader = _reopen();
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or FileNotFoundException)
        {
            return false; // the capture reports it when it opens the source again
        }
        return _reader.Read(frame);
    }

    private void WaitUntilDue()
    {
        var now = _clock.ElapsedTicks;
        if (now > _due + _ticksPerFrame)
        {
            _due = now; // fell behind (a slow decode): keep the pace from here instead of catching up in a burst
        }
        else if (_due > now)
        {
            Thread.Sleep(TimeSpan.FromSeconds((double)(_due - now) / Stopwatch.Frequency));
        }
        _due += _ticksPerFrame;
    }

    public void Dispose() => _reader?.Dispose();
}
