using FerMusic.Runtime.Smoothing;

namespace FerMusic.Runtime.Tests.Smoothing;

public sealed class EmotionSmootherTests
{
    private const int Happy = 3;
    private const int Sad = 4;
    private const double FrameSeconds = 1.0 / 30;

    private static float[] Confident(int emotion)
    {
        var p = Enumerable.Repeat(0.05f, 7).ToArray();
        p[emotion] = 0.7f;
        return p;
    }

    /// <summary>Feeds one probability vector per frame (null = no face) and returns the reported states.</summary>
    private static List<SmoothedState> Play(EmotionSmoother smoother, IEnumerable<float[]?> frames, ref double time)
    {
        var states = new List<SmoothedState>();
        foreach (var frame in frames)
        {
            smoother.Update(frame ?? [], frame is not null, time);
            states.Add(smoother.Current);
            time += FrameSeconds;
        }
        return states;
    }

    private static IEnumerable<float[]?> Repeat(float[]? frame, int count) => Enumerable.Repeat(frame, count);

    [Fact]
    public void A_sustained_emotion_is_reported_after_the_hold_time()
    {
        var smoother = new EmotionSmoother(7, new SmoothingOptions(HoldSeconds: 0.5));
        var time = 0.0;

        var states = Play(smoother, Repeat(Confident(Happy), 30), ref time);

        Assert.Equal(EmotionStatus.NoFace, states[5].Status);
        Assert.Equal(EmotionStatus.Emotion, states[^1].Status);
        Assert.Equal(Happy, states[^1].Emotion);
        var firstHappy = states.FindIndex(s => s.Emotion == Happy);
        Assert.InRange(firstHappy * FrameSeconds, 0.5 - 1e-9, 0.5 + 2 * FrameSeconds);
    }

    [Fact]
    public void A_one_frame_spike_does_not_flip_the_emotion()
    {
        var smoother = new EmotionSmoother(7, new SmoothingOptions(Alpha: 0.9, HoldSeconds: 0.3));
        var time = 0.0;
        Play(smoother, Repeat(Confident(Happy), 30), ref time);

        var states = Play(smoother, [Confident(Sad), .. Repeat(Confident(Happy), 20)], ref time);

        Assert.All(states, s => Assert.Equal(Happy, s.Emotion));
    }

    [Fact]
    public void A_sustained_change_goes_through()
    {
        var smoother = new EmotionSmoother(7, new SmoothingOptions(HoldSeconds: 0.3));
        var time = 0.0;
        Play(smoother, Repeat(Confident(Happy), 30), ref time);

        var states = Play(smoother, Repeat(Confident(Sad), 40), ref time);

        Assert.Equal(Sad, states[^1].Emotion);
        var changedAt = states.FindIndex(s => s.Emotion == Sad);
        Assert.True(changedAt >= 9, $"changed after {changedAt} frames, sooner than the hold time");
    }

    [Fact]
    public void Flat_probabilities_are_uncertain()
    {
        var smoother = new EmotionSmoother(7, new SmoothingOptions(HoldSeconds: 0.2, MinConfidence: 0.4));
        var time = 0.0;

        var states = Play(smoother, Repeat(Enumerable.Repeat(1f / 7, 7).ToArray(), 20), ref time);

        Assert.Equal(EmotionStatus.Uncertain, states[^1].Status);
        Assert.Null(states[^1].Emotion);
    }

    [Fact]
    public void A_short_dropout_keeps_the_emotion_and_a_long_one_means_no_face()
    {
        var smoother = new EmotionSmoother(7, new SmoothingOptions(HoldSeconds: 0.2, NoFaceAfterSeconds: 1.0));
        var time = 0.0;
        Play(smoother, Repeat(Confident(Happy), 20), ref time);

        var shortGap = Play(smoother, Repeat(null, 10), ref time);
        Assert.All(shortGap, s => Assert.Equal(Happy, s.Emotion));

        var longGap = Play(smoother, Repeat(null, 40), ref time);
        Assert.Equal(EmotionStatus.NoFace, longGap[^1].Status);
    }

    [Fact]
    public void Update_says_when_the_reported_state_changed()
    {
        var smoother = new EmotionSmoother(7, new SmoothingOptions(HoldSeconds: 0.1));
        var changes = 0;
        for (var i = 0; i < 60; i++)
        {
            changes += smoother.Update(Confident(i < 30 ? Happy : Sad), true, i * FrameSeconds) ? 1 : 0;
        }

        Assert.Equal(2, changes);
    }
}
