using System.Diagnostics;
using FerMusic.Core.Model;
using FerMusic.Runtime.Pipeline;
using OpenCvSharp;

namespace FerMusic.Runtime.Web.Capacity;

/// <summary>
/// How many frames per second this machine can process, shared between the pages: the cost of a frame is measured at
/// start-up and then continuously (the process's CPU time per frame processed, sampled about once a second, so that
/// waiting for a busy CPU does not count as cost), the machine's capacity is its cores' worth of that cost at
/// <see cref="Utilisation"/>, and each page is told an equal share, at most the configured maximum. The number of pages served at once follows from the capacity: each gets at least
/// <see cref="MinFramesPerSecond"/>.
/// </summary>
public sealed class FrameBudget
{
    public const double Utilisation = 0.8;
    public const double MinFramesPerSecond = 2;
    private const double Smoothing = 0.3;
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(1);
    private readonly double _maxPerPage;
    private readonly int _cores;
    private readonly Lock _gate = new();
    private double _secondsPerFrame;
    private int _pages;
    private long _frames;
    private long _framesAtSample;
    private TimeSpan _cpuAtSample = CpuTime();
    private long _sampledAt = Stopwatch.GetTimestamp();

    public FrameBudget(double secondsPerFrame, double maxFramesPerSecondPerPage, int cores)
    {
        _secondsPerFrame = Math.Max(secondsPerFrame, 1e-4);
        _maxPerPage = maxFramesPerSecondPerPage;
        _cores = Math.Max(1, cores);
    }

    /// <summary>The cost of a 640x480 frame with one face on this project's 2-core laptop CPU (runtime bench: 8.6 ms).</summary>
    public const double TypicalSecondsPerFrame = 0.010;

    /// <summary>
    /// A first estimate of a frame's cost before real frames refine it: the pipeline timed on a blank camera-sized frame
    /// plus the model on a face (a lower bound, which only counts on a slower machine), and at least
    /// <see cref="TypicalSecondsPerFrame"/>.
    /// </summary>
    public static double MeasureSecondsPerFrame(PipelineFactory factory, int frames = 20)
    {
        using var pipeline = factory.Create(new PipelineOptions { PickMusic = false });
        using var frame = new Mat(480, 640, MatType.CV_8UC3, Scalar.All(110));
        var face = new byte[ModelContract.PixelsPerImage];
        var probabilities = new float[factory.Model.Labels.Count];
        pipeline.Process(frame, 0);
        factory.Model.Predict(face, probabilities);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < frames; i++)
        {
            pipeline.Process(frame, i / 10.0);
            factory.Model.Predict(face, probabilities);
        }
        return Math.Max(TypicalSecondsPerFrame, clock.Elapsed.TotalSeconds / frames);
    }

    /// <summary>Frames per second the whole machine can take.</summary>
    public double Capacity
    {
        get { lock (_gate) { return _cores * Utilisation / _secondsPerFrame; } }
    }

    /// <summary>Pages that can be served at once, each at least at <see cref="MinFramesPerSecond"/>.</summary>
    public int MaxPages => Math.Max(1, (int)Math.Floor(Capacity / MinFramesPerSecond));

    public int Pages
    {
        get { lock (_gate) { return _pages; } }
    }

    /// <summary>The frame rate each page may send now.</summary>
    public double PerPage
    {
        get
        {
            lock (_gate)
            {
                return Math.Min(_maxPerPage, _cores * Utilisation / _secondsPerFrame / Math.Max(1, _pages));
            }
        }
    }

    public void PageJoined()
    {
        lock (_gate)
        {
            _pages++;
        }
    }

    public void PageLeft()
    {
        lock (_gate)
        {
            _pages = Math.Max(0, _pages - 1);
        }
    }

    /// <summary>Counts a processed frame; about once a second the CPU time used since the last sample updates the cost.</summary>
    public void FrameDone()
    {
        lock (_gate)
        {
            _frames++;
            if (Stopwatch.GetElapsedTime(_sampledAt) < SampleEvery || _frames - _framesAtSample < 5)
            {
                return;
            }
            var cpu = CpuTime();
            var cost = (cpu - _cpuAtSample).TotalSeconds / (_frames - _framesAtSample);
            _secondsPerFrame += Smoothing * (Math.Max(cost, 1e-4) - _secondsPerFrame);
            (_cpuAtSample, _framesAtSample, _sampledAt) = (cpu, _frames, Stopwatch.GetTimestamp());
        }
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
