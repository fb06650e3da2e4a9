using System.Diagnostics.Metrics;

namespace FerMusic.Runtime.Web.Observability;

/// <summary>
/// The web app's measurements, published through .NET's metrics (meter <c>FerMusic.Runtime</c>): frames processed and
/// refused (by reason), per-stage latency and the sessions open. OpenTelemetry exports them at <c>/metrics</c>.
/// </summary>
public sealed class WebMetrics : IDisposable
{
    public const string MeterName = "FerMusic.Runtime";
    private readonly Meter _meter;
    private readonly Counter<long> _processed;
    private readonly Counter<long> _refused;
    private readonly Histogram<double> _latency;
    private readonly UpDownCounter<long> _sessions;
    private long _processedCount;
    private long _refusedCount;

    public WebMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _processed = _meter.CreateCounter<long>("fermusic.frames.processed", description: "Frames run through the pipeline.");
        _refused = _meter.CreateCounter<long>("fermusic.frames.refused", description: "Frames refused, by reason.");
        _latency = _meter.CreateHistogram<double>("fermusic.frame.stage.duration", unit: "ms", description: "Time per stage of a frame.");
        _sessions = _meter.CreateUpDownCounter<long>("fermusic.sessions", description: "Pages connected.");
    }

    public long FramesProcessed => Interlocked.Read(ref _processedCount);

    public long FramesRefused => Interlocked.Read(ref _refusedCount);

    public void Processed(double decodeMs, double detectMs, double classifyMs, double totalMs)
    {
        Interlocked.Increment(ref _processedCount);
        _processed.Add(1);
        _latency.Record(decodeMs, new KeyValuePair<string, object?>("stage", "decode"));
        _latency.Record(detectMs, new KeyValuePair<string, object?>("stage", "detect"));
        _latency.Record(classifyMs, new KeyValuePair<string, object?>("stage", "classify"));
        _latency.Record(totalMs, new KeyValuePair<string, object?>("stage", "total"));
    }

    public void Refused(string reason)
    {
        Interlocked.Increment(ref _refusedCount);
        _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    public void SessionOpened() => _sessions.Add(1);

    public void SessionClosed() => _sessions.Add(-1);

    public void Dispose() => _meter.Dispose();
}
