using System.Numerics;
using FerMusic.Core.Faces;
using FerMusic.Core.Model;

namespace FerMusic.Core.Fer2013;

/// <summary>
/// Where the face detectors put FER2013's faces in its 48x48 frames: the median box (and eyes) over the Training
/// images, measured by <c>dotnet run --project eval -c Release -- framing --data fer2013.csv.gz --out DIR</c>.
/// A Haar box almost fills a FER2013 frame; YuNet's box is narrower and taller. The trainer writes these into
/// every model it exports, so the live crop frames a camera's face the way FER2013 frames its faces.
/// </summary>
public static class Fer2013Framing
{
    public static FaceFramings Measured { get; } = new(new Dictionary<string, FaceFraming>
    {
        ["haar"] = new(new Vector2(24f, 23.875f), new Vector2(46.75f, 46.75f)),
        ["yunet"] = new(new Vector2(24f, 24f), new Vector2(37.75f, 49.5f),
            new EyePair(new Vector2(14.869f, 18.592f), new Vector2(32.983f, 18.887f))),
    }, FaceFraming.FromMargin(ModelContract.DefaultFaceMargin));
}
