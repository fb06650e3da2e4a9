using System.Text.Json;
using System.Text.Json.Serialization;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Pipeline;

namespace FerMusic.Runtime.Web.Protocol;

/// <summary>A face box in the frame's pixels.</summary>
public sealed record BoxMessage(int X, int Y, int Width, int Height);

/// <summary>A detected face and each class's probability.</summary>
public sealed record FaceMessage(BoxMessage Box, Dictionary<string, double> Probabilities);

/// <summary>A recommended track.</summary>
public sealed record TrackMessage(string Title, string Artist, int Year, double Valence, double Energy, string? SpotifyId, string? SpotifyUrl)
{
    public static TrackMessage Of(Track t) => new(t.Title, t.Artist, t.Year, t.Valence, t.Energy, t.SpotifyId, t.SpotifyUrl);
}

/// <summary>
/// The result of one frame (<c>type</c> "frame"), also what <c>run --json</c> prints: time, smoothed status and emotion,
/// probabilities, mood, faces and, when the emotion changed, a playlist.
/// </summary>
public sealed record FrameMessage(
    double Time,
    string Status,
    string? Emotion,
    Dictionary<string, double> Probabilities,
    double? Valence,
    double? Arousal,
    IReadOnlyList<FaceMessage> Faces,
    IReadOnlyList<TrackMessage>? Tracks,
    bool Changed)
{
    public string Type => "frame";

    public static FrameMessage Of(FrameReport report, IReadOnlyList<string> labels, IReadOnlyList<Track>? tracks)
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
            [.. report.Faces.Select(f => new FaceMessage(new BoxMessage(f.Box.X, f.Box.Y, f.Box.Width, f.Box.Height), Probabilities(f.Probabilities)))],
            tracks?.Select(TrackMessage.Of).ToList(),
            report.Changed);
    }
}

/// <summary>A new playlist after a strategy change or on request (<c>type</c> "playlist").</summary>
public sealed record PlaylistMessage(string Strategy, IReadOnlyList<TrackMessage> Tracks)
{
    public string Type => "playlist";
}

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

/// <summary>What a page sends besides frames: <c>{"type":"strategy","value":"match|uplift|iso"}</c>, or like/skip with artist and title.</summary>
public sealed record ControlMessage(string? Type, string? Value, string? Artist, string? Title);

/// <summary>The one definition of the page protocol's JSON (snake_case, nulls written), generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(FrameMessage))]
[JsonSerializable(typeof(PlaylistMessage))]
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
