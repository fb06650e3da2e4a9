using System.Text.Json;
using System.Text.Json.Serialization;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Pipeline;

namespace FerMusic.Runtime.Web.Protocol;

/// <summary>A face box in the frame's pixels.</summary>
public sealed record BoxMessage(int X, int Y, int Width, int Height);

/// <summary>A detected face and each class's probability.</summary>
public sealed record FaceMessage(BoxMessage Box, Dictionary<string, double> Probabilities);

/// <summary>
/// A track in the queue: its facts, where it sits (valence, energy, power) and the target it was chosen for, which
/// is what the page shows as "why this track".
/// </summary>
public sealed record TrackMessage(
    string Title, string Artist, int Year, string Genre, string Style, string Language, int DurationS,
    double Valence, double Energy, double Power, TargetMessage Target, double Distance, string? SpotifyId, string? SpotifyUrl)
{
    public static TrackMessage Of(QueuedTrack q)
    {
        var t = q.Track;
        return new(t.Title, t.Artist, t.Year, t.Genre, t.Style, t.Language, t.DurationSeconds, t.Valence, t.Energy, Math.Round(t.Power, 3),
            new TargetMessage(Math.Round(q.Target.Valence, 3), Math.Round(q.Target.Energy, 3), Math.Round(q.Target.Power, 3)),
            Math.Round(q.Distance, 3), t.SpotifyId, t.SpotifyUrl);
    }
}

/// <summary>Where the music was aimed: valence, energy and power, 0..1.</summary>
public sealed record TargetMessage(double Valence, double Energy, double Power);

/// <summary>
/// The result of one frame (<c>type</c> "frame"), also what <c>run --json</c> prints: time, smoothed status and emotion,
/// probabilities, mood, faces and, when the queue changed (<c>run --json</c> only), the track playing and those next.
/// </summary>
public sealed record FrameMessage(
    double Time,
    string Status,
    string? Emotion,
    Dictionary<string, double> Probabilities,
    double? Valence,
    double? Arousal,
    double? Dominance,
    IReadOnlyList<FaceMessage> Faces,
    IReadOnlyList<TrackMessage>? Tracks,
    bool Changed)
{
    public string Type => "frame";

    public static FrameMessage Of(FrameReport report, IReadOnlyList<string> labels, IReadOnlyList<QueuedTrack>? tracks)
    {
        Dictionary<string, double> Probabilities(float[] values) =>
            labels.Select((label, i) => (label, Math.Round(values[i], 4))).ToDictionary(p => p.label, p => p.Item2);
        var state = report.State;
        return new FrameMessage(
            Math.Round(report.Seconds, 3),
            state.Status.ToString().ToLowerInvariant(),
            state.Emotion is { } e ? labels[e] : null,
            Probabilities(state.Probabilities),
            report.Mood is { } mood ? Math.Round(mood.Valence, 3) : null,
            report.Mood is { } m ? Math.Round(m.Arousal, 3) : null,
            report.Mood is { } d ? Math.Round(d.Dominance, 3) : null,
            [.. report.Faces.Select(f => new FaceMessage(new BoxMessage(f.Box.X, f.Box.Y, f.Box.Width, f.Box.Height), Probabilities(f.Probabilities)))],
            tracks?.Select(TrackMessage.Of).ToList(),
            report.Changed);
    }
}

/// <summary>
/// The listener's queue (<c>type</c> "queue"), sent whenever it changes: the track playing (with the seconds it has
/// played), those planned next, the strategy and the filter.
/// </summary>
public sealed record QueueMessage(string Strategy, TrackMessage Now, double Elapsed, IReadOnlyList<TrackMessage> Next, FilterMessage Filter)
{
    public string Type => "queue";
}

/// <summary>The listener's filter; null means any.</summary>
public sealed record FilterMessage(string? Genre, int? Decade, string? Language);

/// <summary>A problem with something the page sent, which the session survives (<c>type</c> "error").</summary>
public sealed record ErrorMessage(string Message)
{
    public string Type => "error";
}

/// <summary>
/// The frame rate this page may send at: sent on connecting, whenever the page's share of the machine changes, and
/// instead of a result when a frame came too soon (<see cref="Refused"/>).
/// </summary>
public sealed record RateMessage(double MaxFps, bool Refused = false)
{
    public string Type => "rate";
}

/// <summary>The server camera's state (server camera mode): live, reconnecting, ended or failed.</summary>
public sealed record CaptureMessage(string State, string? Detail)
{
    public string Type => "capture";
}

/// <summary>
/// What a page sends besides frames: <c>{"type":"strategy","value":"match|uplift|iso"}</c>; like, skip or ended with
/// artist and title; <c>{"type":"next"}</c>; or <c>{"type":"filter","genre":..,"decade":..,"language":..}</c>.
/// </summary>
public sealed record ControlMessage(string? Type, string? Value, string? Artist, string? Title, string? Genre = null, int? Decade = null, string? Language = null);

/// <summary>The one definition of the page protocol's JSON (snake_case, nulls written), generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(FrameMessage))]
[JsonSerializable(typeof(QueueMessage))]
[JsonSerializable(typeof(ErrorMessage))]
[JsonSerializable(typeof(RateMessage))]
[JsonSerializable(typeof(CaptureMessage))]
[JsonSerializable(typeof(ControlMessage))]
public sealed partial class ProtocolJson : JsonSerializerContext
{
    /// <summary>One frame's result as one line of JSON (what <c>run --json</c> prints).</summary>
    public static string Line(FrameReport report, IReadOnlyList<string> labels) =>
        JsonSerializer.Serialize(Protocol.FrameMessage.Of(report, labels, report.Tracks), Default.FrameMessage);

    /// <summary>A control message, or null when the text is not one (not JSON, not an object, wrong types).</summary>
    public static ControlMessage? ParseControl(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, Default.ControlMessage);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
