using FerMusic.Core.Cli;
using OpenCvSharp;

namespace FerMusic.Runtime.Capture;

/// <summary>
/// Plays a video file like a camera: frames come at the file's own frame rate, and at the end the file starts
/// again. The server camera uses it, so a page opened at any time sees the video move.
/// </summary>
public sealed class LoopingPlayback : IFrameReader
{
    private readonly Func<IFrameReader> _reopen;
    private readonly TimeSpan _perFrame;
    private readonly TimeProvider _time;
    private readonly long _start;
    private IFrameReader? _reader;
    private TimeSpan _due;

    /// <param name="first">The opened file.</param>
    /// <param name="reopen">Opens the file again from its first frame.</param>
    /// <param name="time">The clock frames are paced by (the system's by default).</param>
    public LoopingPlayback(IFrameReader first, Func<IFrameReader> reopen, double framesPerSecond, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(framesPerSecond);
        _reader = first;
        _reopen = reopen;
        _perFrame = TimeSpan.FromSeconds(1 / framesPerSecond);
        _time = time ?? TimeProvider.System;
        _start = _time.GetTimestamp();
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
        catch (Exception e) when (e is UserErrorException or InvalidDataException or FileNotFoundException)
        {
            return false; // the capture reports it when it opens the source again
        }
        return _reader.Read(frame);
    }

    /// <summary>Holds the capture thread until the frame's time has come.</summary>
    private void WaitUntilDue()
    {
        var now = _time.GetElapsedTime(_start);
        if (now > _due + _perFrame)
        {
            _due = now; // fell behind (a slow decode): keep the pace from here instead of catching up in a burst
        }
        else if (_due > now)
        {
            Task.Delay(_due - now, _time).Wait();
        }
        _due += _perFrame;
    }

    public void Dispose() => _reader?.Dispose();
}
