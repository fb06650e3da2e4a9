using System.Text.Json;
using System.Text.Json.Nodes;

namespace FerMusic.Runtime.Pipeline;

/// <summary>One JSON object per state change: time, faces with boxes, emotion, probabilities, valence, arousal, tracks.</summary>
public static class ReportJson
{
    public static JsonObject ToJson(FrameReport report, IReadOnlyList<string> labels)
    {
        JsonObject Probabilities(float[] values) =>
            new(labels.Select((label, i) => KeyValuePair.Create(label, (JsonNode?)JsonValue.Create(Math.Round(values[i], 4)))));

        var state = report.State;
        return new JsonObject
        {
            ["time"] = Math.Round(report.Seconds, 3),
            ["status"] = state.Status.ToString().ToLowerInvariant(),
            ["emotion"] = state.Emotion is { } e ? labels[e] : null,
            ["probabilities"] = Probabilities(state.Probabilities),
            ["valence"] = report.Mood is { } mood ? Math.Round(mood.Valence, 3) : null,
            ["arousal"] = report.Mood is { } m ? Math.Round(m.Arousal, 3) : null,
            ["faces"] = new JsonArray([.. report.Faces.Select(f => (JsonNode)new JsonObject
            {
                ["box"] = new JsonObject { ["x"] = f.Box.X, ["y"] = f.Box.Y, ["width"] = f.Box.Width, ["height"] = f.Box.Height },
                ["probabilities"] = Probabilities(f.Probabilities),
            })]),
            ["tracks"] = report.Tracks is null ? null : Tracks(report.Tracks),
        };
    }

    public static JsonArray Tracks(IEnumerable<Music.Track> tracks) => new([.. tracks.Select(t => (JsonNode)new JsonObject
    {
        ["title"] = t.Title,
        ["artist"] = t.Artist,
        ["year"] = t.Year,
        ["valence"] = t.Valence,
        ["energy"] = t.Energy,
        ["spotify_id"] = t.SpotifyId,
        ["spotify_url"] = t.SpotifyUrl,
    })]);

    public static string ToLine(FrameReport report, IReadOnlyList<string> labels) =>
        ToJson(report, labels).ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
