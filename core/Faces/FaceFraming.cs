using System.Numerics;
using FerMusic.Core.Model;

namespace FerMusic.Core.Faces;

/// <summary>
/// Where one detector's face box, and the eyes when the detector finds them, sit in a model's 48x48 input, in
/// continuous coordinates of that input (0..48). The live crop maps a detected face onto this framing, so the model
/// sees faces framed as the ones it was trained on.
/// </summary>
/// <param name="BoxCentre">The centre of the detector's box.</param>
/// <param name="BoxSize">The box's width and height.</param>
/// <param name="Eyes">The eye centres, or null when this detector does not find eyes.</param>
public sealed record FaceFraming(Vector2 BoxCentre, Vector2 BoxSize, EyePair? Eyes = null)
{
    /// <summary>
    /// The framing of models from before framings were measured: the box, made square on its longer side and grown
    /// by <paramref name="margin"/> of that side on every edge, fills the input.
    /// </summary>
    public static FaceFraming FromMargin(float margin)
    {
        var side = ModelContract.ImageSize / (1 + 2 * margin);
        var centre = ModelContract.ImageSize / 2f;
        return new FaceFraming(new Vector2(centre, centre), new Vector2(side, side)) { SquareOnLongerSide = true };
    }

    /// <summary>Scale a box by its longer side instead of by its area (the old margin-based crop did).</summary>
    public bool SquareOnLongerSide { get; init; }

    /// <summary>Frame pixels per input pixel for a detected box of this detector.</summary>
    public float ScaleFor(Imaging.PixelRect box) => SquareOnLongerSide
        ? Math.Max(box.Width, box.Height) / BoxSize.X
        : MathF.Sqrt((float)box.Width * box.Height / (BoxSize.X * BoxSize.Y));
}
