using System.Text.Json;
using System.Text.Json.Nodes;
using FerMusic.Runtime.Music;
using FerMusic.Runtime.Pipeline;

namespace FerMusic.Runtime.Web;

/// <summary>The JSON messages the server sends over a page's socket.</summary>
public static class SocketMessages
{
    public static JsonObject Frame(FrameReport report, IReadOnlyList<string> labels, IReadOnlyList<Track>? tracks)
    {
        var json = ReportJson.ToJson(report with { Tracks = tracks }, labels);
        json["type"] = "frame";
        json["changed"] = report.Changed;
        return json;
    }

    public static JsonObject Playlist(string strategy, IReadOnlyList<Track> tracks) => new()
    {
        ["type"] = "playlist",
        ["strategy"] = strategy,
        ["tracks"] = ReportJson.Tracks(tracks),
    };

    public static JsonObject Error(string message) => new() { ["type"] = "error", ["message"] = message };

    public static JsonObject Throttled(double maxFramesPerSecond) => new() { ["type"] = "throttled", ["max_fps"] = maxFramesPerSecond };


    /// <summary>A control message from the page: strategy, like or skip.</summary>
    public sealed record Control(string Type, string? Value, string? Artist, string? Title);

    public static Control? ParseControl(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var node = JsonNode.Parse(utf8);
            var type = node?["type"]?.GetValue<string>();
            return type is null ? null : new Control(type, node?["value"]?.GetValue<string>(), node?["artist"]?.GetValue<string>(), node?["title"]?.GetValue<string>());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
