using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FerMusic.Core.Faces;

/// <summary>
/// A model's framing per face detector (<c>haar</c>, <c>yunet</c>), as written into its <c>face_framing</c>
/// metadata: <c>{"haar":{"box":[cx,cy,w,h]},"yunet":{"box":[cx,cy,w,h],"eyes":[lx,ly,rx,ry]}}</c> in 48x48 input
/// coordinates. A detector the model has no framing for gets the fallback.
/// </summary>
public sealed class FaceFramings
{
    private readonly Dictionary<string, FaceFraming> _byDetector;

    public FaceFramings(IReadOnlyDictionary<string, FaceFraming> byDetector, FaceFraming fallback)
    {
        _byDetector = new Dictionary<string, FaceFraming>(byDetector, StringComparer.OrdinalIgnoreCase);
        Fallback = fallback;
    }

    public FaceFraming Fallback { get; }

    public IReadOnlyCollection<string> Detectors => _byDetector.Keys;

    /// <summary>True when the model carries a framing measured for <paramref name="detector"/>.</summary>
    public bool Has(string detector) => _byDetector.ContainsKey(detector);

    public FaceFraming For(string detector) => _byDetector.GetValueOrDefault(detector, Fallback);

    /// <summary>The framing of a model that only states a margin (every model from before framings were measured).</summary>
    public static FaceFramings FromMargin(float margin) => new(new Dictionary<string, FaceFraming>(), FaceFraming.FromMargin(margin));

    /// <exception cref="FormatException">The text is not a framing object as described above.</exception>
    public static FaceFramings Parse(string json, float margin)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON ({e.Message})");
        }
        if (root is not JsonObject detectors)
        {
            throw new FormatException("expected an object with one entry per detector");
        }
        var framings = new Dictionary<string, FaceFraming>();
        foreach (var (detector, node) in detectors)
        {
            var box = Numbers(node?["box"], 4, $"{detector}.box");
            var eyes = node?["eyes"] is null ? null : Numbers(node["eyes"], 4, $"{detector}.eyes");
            if (box[2] <= 0 || box[3] <= 0)
            {
                throw new FormatException($"{detector}.box has a size that is not positive");
            }
            framings[detector] = new FaceFraming(new Vector2(box[0], box[1]), new Vector2(box[2], box[3]),
                eyes is null ? null : EyePair.Of(new Vector2(eyes[0], eyes[1]), new Vector2(eyes[2], eyes[3])));
        }
        return new FaceFramings(framings, FaceFraming.FromMargin(margin));
    }

    public string ToJson()
    {
        var root = new JsonObject();
        foreach (var (detector, framing) in _byDetector.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var entry = new JsonObject { ["box"] = Array(framing.BoxCentre.X, framing.BoxCentre.Y, framing.BoxSize.X, framing.BoxSize.Y) };
            if (framing.Eyes is { } eyes)
            {
                entry["eyes"] = Array(eyes.Left.X, eyes.Left.Y, eyes.Right.X, eyes.Right.Y);
            }
            root[detector] = entry;
        }
        return root.ToJsonString();
    }

    private static JsonArray Array(params float[] values) =>
        new([.. values.Select(v => JsonValue.Create(Math.Round(v, 3)))]);

    private static float[] Numbers(JsonNode? node, int count, string name)
    {
        if (node is not JsonArray array || array.Count != count)
        {
            throw new FormatException($"{name} must be an array of {count} numbers");
        }
        return [.. array.Select(value => value is JsonValue v && v.TryGetValue<double>(out var d) && double.IsFinite(d)
            ? (float)d
            : throw new FormatException($"{name} holds '{value?.ToJsonString()}', expected a number"))];
    }
}
