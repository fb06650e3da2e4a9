using FerMusic.Runtime.Capture;
using OpenCvSharp;

namespace FerMusic.Runtime.Tests.Capture;

public sealed class LatestFrameCaptureTests
{
    private static readonly TimeSpan[] QuickRetries = [TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10)];

    [Fact]
    public void A_slow_consumer_gets_the_newest_frame_and_no_queue_builds_up()
    {
        using var capture = new LatestFrameCapture(() => new SyntheticFrames(60, isLive: false, delay: TimeSpan.FromMilliseconds(1))).Start();
        using var frame = new Mat();
        long seen = 0;
        var numbers = new List<int>();

        while (capture.State != CaptureState.Ended || capture.FramesRead != seen)
        {
            if (capture.TryGetLatest(frame, ref seen))
            {
                numbers.Add(SyntheticFrames.Number(frame));
                Thread.Sleep(5); // much slower than the source
            }
        }

        Assert.Equal(CaptureState.Ended, capture.State);
        Assert.Equal(59, numbers[^1]);
        Assert.True(numbers.Count < 30, $"took {numbers.Count} of 60 frames: frames were queued instead of replaced");
        Assert.Equal(numbers.OrderBy(n => n), numbers);
    }

    [Fact]
    public async Task A_reader_being_stopped_is_told_by_the_result_not_by_an_exception()
    {
        // Not started, so no frame ever comes: the reader waits until it is cancelled.
        using var capture = new LatestFrameCapture(() => new SyntheticFrames(1, isLive: true));
        using var stop = new CancellationTokenSource();
        var waiting = Task.Run(() => capture.WaitForFrame(0, TimeSpan.FromMinutes(5), stop.Token), TestContext.Current.CancellationToken);

        await stop.CancelAsync();

        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.False(capture.WaitForFrame(0, TimeSpan.FromMinutes(5), stop.Token));
    }

    [Fact]
    public void The_same_frame_is_not_handed_out_twice()
    {
        using var capture = new LatestFrameCapture(() => new SyntheticFrames(1, isLive: false)).Start();
        Assert.True(capture.WaitForEnd(TimeSpan.FromSeconds(5)));
        using var frame = new Mat();
        long seen = 0;

        Assert.True(capture.TryGetLatest(frame, ref seen));
        Assert.False(capture.TryGetLatest(frame, ref seen));
    }

    [Fact]
    public void A_live_source_that_fails_mid_way_is_reopened()
    {
        var opened = 0;
        var states = new List<CaptureState>();
        using var capture = new LatestFrameCapture(() =>
        {
            opened++;
            return opened == 1 ? new SyntheticFrames(1000, isLive: true, failAfter: 5) : new SyntheticFrames(1000, isLive: true, delay: TimeSpan.FromMilliseconds(1));
        }, QuickRetries);
        capture.StateChanged += (state, _) => { lock (states) { states.Add(state); } };
        capture.Start();

        SpinWait.SpinUntil(() => capture.FramesRead > 20, TimeSpan.FromSeconds(5));

        Assert.Equal(2, opened);
        lock (states)
        {
            Assert.Equal([CaptureState.Running, CaptureState.Reconnecting, CaptureState.Running], states);
        }
    }

    [Fact]
    public void A_source_that_cannot_be_opened_fails_after_the_retries_without_throwing()
    {
        var attempts = 0;
        using var capture = new LatestFrameCapture(() =>
        {
            attempts++;
            throw new FerMusic.Core.Cli.UserErrorException("Camera 3 is not available");
        }, QuickRetries).Start();

        Assert.True(capture.WaitForEnd(TimeSpan.FromSeconds(5)));
        Assert.Equal(CaptureState.Failed, capture.State);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public void Disposing_stops_the_capture_thread_and_closes_the_source()
    {
        SyntheticFrames? source = null;
        var capture = new LatestFrameCapture(() => source = new SyntheticFrames(int.MaxValue, isLive: true, delay: TimeSpan.FromMilliseconds(1))).Start();
        SpinWait.SpinUntil(() => capture.FramesRead > 3, TimeSpan.FromSeconds(5));

        capture.Dispose();

        Assert.True(source!.Disposed);
    }
}
