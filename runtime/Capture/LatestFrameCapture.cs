using OpenCvSharp;

namespace FerMusic.Runtime.Capture;

/// <summary>
/// Reads frames on its own thread and keeps only the newest one, so processing never falls behind the camera and
/// no queue grows. A live source that stops is reopened with back-off; its state is reported, never thrown.
/// </summary>
public sealed class LatestFrameCapture : IDisposable
{
    private readonly Func<IFrameReader> _open;
    private readonly IReadOnlyList<TimeSpan> _retryDelays;
    private readonly object _gate = new();
    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();
    private Mat _latest = new();
    private long _sequence;
    private CaptureState _state = CaptureState.Starting;
    private readonly SemaphoreSlim _arrived = new(0, 1);

    /// <param name="open">Opens the source; called again to reconnect a live source.</param>
    /// <param name="retryDelays">Waits before each reconnection attempt; after the last, capture fails.</param>
    public LatestFrameCapture(Func<IFrameReader> open, IReadOnlyList<TimeSpan>? retryDelays = null)
    {
        _open = open;
        _retryDelays = retryDelays ?? [TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];
        _thread = new Thread(Run) { IsBackground = true, Name = "frame capture" };
    }

    /// <summary>Starts reading; subscribe to <see cref="StateChanged"/> first to see every state.</summary>
    public LatestFrameCapture Start()
    {
        _thread.Start();
        return this;
    }

    public event Action<CaptureState, string?>? StateChanged;

    public CaptureState State
    {
        get { lock (_gate) { return _state; } }
    }

    /// <summary>How many frames have been read so far (frames that were replaced before anyone took them included).</summary>
    public long FramesRead => Interlocked.Read(ref _sequence);

    /// <summary>Copies the newest frame into <paramref name="destination"/> if it is newer than <paramref name="lastSeen"/>.</summary>
    public bool TryGetLatest(Mat destination, ref long lastSeen)
    {
        lock (_gate)
        {
            if (_sequence == lastSeen || _latest.Empty())
            {
                return false;
            }
            _latest.CopyTo(destination);
            lastSeen = _sequence;
            return true;
        }
    }

    /// <summary>
    /// Waits until a frame newer than <paramref name="lastSeen"/> is there (true), or capture has ended or failed, or
    /// <paramref name="timeout"/> passed, or <paramref name="cancellation"/> was cancelled (false): a reader waits for
    /// frames without polling, and a reader being stopped is told so by the result, never by an exception.
    /// </summary>
    public bool WaitForFrame(long lastSeen, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (_gate)
            {
                if (_sequence != lastSeen && !_latest.Empty())
                {
                    return true;
                }
                if (_state is CaptureState.Ended or CaptureState.Failed)
                {
                    return false;
                }
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || cancellation.IsCancellationRequested)
            {
                return false;
            }
            try
            {
                if (!_arrived.Wait(left, cancellation))
                {
                    return false;
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    /// <summary>Wakes one waiting reader: a new frame arrived, or the state changed.</summary>
    private void Signal()
    {
        try
        {
            if (_arrived.CurrentCount == 0)
            {
                _arrived.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>Waits until capture has ended or failed (for file sources and tests).</summary>
    public bool WaitForEnd(TimeSpan timeout) => _thread.Join(timeout);

    private void Run()
    {
        var frame = new Mat();
        IFrameReader? reader = null;
        try
        {
            var attempt = 0;
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    reader ??= _open();
                }
                catch (Exception e) when (e is FerMusic.Core.Cli.UserErrorException or InvalidDataException or FileNotFoundException)
                {
                    if (!WaitToRetry(ref attempt, e.Message))
                    {
                        return;
                    }
                    continue;
                }
                if (reader.Read(frame))
                {
                    attempt = 0;
                    lock (_gate)
                    {
                        (_latest, frame) = (frame, _latest);
                        _sequence++;
                    }
                    Signal();
                    SetState(CaptureState.Running, null);
                    continue;
                }
                var live = reader.IsLive;
                reader.Dispose();
                reader = null;
                if (!live)
                {
                    SetState(CaptureState.Ended, null);
                    return;
                }
                if (!WaitToRetry(ref attempt, "the source stopped giving frames"))
                {
                    return;
                }
            }
        }
        finally
        {
            reader?.Dispose();
            frame.Dispose();
        }
    }

    private bool WaitToRetry(ref int attempt, string reason)
    {
        if (attempt >= _retryDelays.Count)
        {
            SetState(CaptureState.Failed, $"{reason}; gave up after {attempt} attempts");
            return false;
        }
        SetState(CaptureState.Reconnecting, $"{reason}; retrying in {_retryDelays[attempt].TotalSeconds:0.#} s");
        return !_stop.Token.WaitHandle.WaitOne(_retryDelays[attempt++]);
    }

    private void SetState(CaptureState state, string? detail)
    {
        lock (_gate)
        {
            if (_state == state)
            {
                return;
            }
            _state = state;
        }
        Signal();
        StateChanged?.Invoke(state, detail);
    }

    public void Dispose()
    {
        _stop.Cancel();
        if (_thread.IsAlive)
        {
            _thread.Join();
        }
        _latest.Dispose();
        _stop.Dispose();
        _arrived.Dispose();
    }
}
