using FerMusic.Runtime.Capture;
using OpenCvSharp;

namespace FerMusic.Runtime.Tests.Capture;

public sealed class LoopingPlaybackTests
{
    [Fact]
    public void At_the_end_the_file_starts_again_from_its_first_frame()
    {
        var opened = new List<SyntheticFrames>();
        SyntheticFrames Open()
        {
            var file = new SyntheticFrames(3, isLive: false);
            opened.Add(file);
            return file;
        }
        using var playback = new LoopingPlayback(Open(), Open, framesPerSecond: 1000);
        using var frame = new Mat();

        var numbers = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            Assert.True(playback.Read(frame));
            numbers.Add(SyntheticFrames.Number(frame));
        }

        Assert.Equal([0, 1, 2, 0, 1, 2, 0], numbers);
        Assert.True(playback.IsLive);
        Assert.Equal(3, opened.Count);
        Assert.All(opened.Take(2), file => Assert.True(file.Disposed));
    }

    [Fact]
    public void Frames_come_at_the_files_frame_rate()
    {
        var clock = new VirtualClock();
        using var playback = new LoopingPlayback(new SyntheticFrames(100, isLive: false), () => new SyntheticFrames(100, isLive: false), framesPerSecond: 50, clock);
        using var frame = new Mat();

        for (var i = 0; i < 11; i++)
        {
            Assert.True(playback.Read(frame));
        }

        // Ten intervals of 20 ms after the first frame: not a burst.
        Assert.Equal(10, clock.Waits.Count);
        Assert.All(clock.Waits, wait => Assert.InRange(wait.TotalMilliseconds, 19.9, 20.1));
        Assert.InRange(clock.Now.TotalMilliseconds, 199.9, 200.1);
    }

    [Fact]
    public void A_slow_read_is_not_made_up_for_with_a_burst()
    {
        var clock = new VirtualClock();
        using var playback = new LoopingPlayback(new SyntheticFrames(100, isLive: false), () => new SyntheticFrames(100, isLive: false), framesPerSecond: 50, clock);
        using var frame = new Mat();
        Assert.True(playback.Read(frame));
        Assert.True(playback.Read(frame));

        // The decoder stalls for half a second: the next frames keep the 20 ms pace from there.
        clock.CreateTimer(_ => { }, null, TimeSpan.FromMilliseconds(500), Timeout.InfiniteTimeSpan).Dispose();
        var before = clock.Waits.Count;
        for (var i = 0; i < 4; i++)
        {
            Assert.True(playback.Read(frame));
        }

        var waits = clock.Waits.Skip(before).ToList();
        Assert.Equal(3, waits.Count);
        Assert.All(waits, wait => Assert.InRange(wait.TotalMilliseconds, 19.9, 20.1));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_file_that_gives_no_frame_on_reopening_ends_the_playback(bool reopenThrows)
    {
        using var playback = new LoopingPlayback(new SyntheticFrames(1, isLive: false),
            () => reopenThrows ? throw new FileNotFoundException("gone") : new SyntheticFrames(0, isLive: false), framesPerSecond: 1000);
        using var frame = new Mat();

        Assert.True(playback.Read(frame));
        Assert.False(playback.Read(frame));
    }
}
