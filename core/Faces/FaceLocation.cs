using System.Numerics;
using FerMusic.Core.Imaging;

namespace FerMusic.Core.Faces;

/// <summary>
/// The centres of both eyes in continuous image coordinates (pixel (x, y) covers [x, x+1) x [y, y+1)).
/// <see cref="Left"/> is the eye with the smaller x, as the image shows it.
/// </summary>
public readonly record struct EyePair(Vector2 Left, Vector2 Right)
{
    public Vector2 Midpoint => (Left + Right) / 2;

    /// <summary>The angle of the line from the left to the right eye, in radians (positive turns clockwise on screen).</summary>
    public float Angle => MathF.Atan2(Right.Y - Left.Y, Right.X - Left.X);

    public float Distance => Vector2.Distance(Left, Right);

    /// <summary>Orders two eye positions by x.</summary>
    public static EyePair Of(Vector2 a, Vector2 b) => a.X <= b.X ? new EyePair(a, b) : new EyePair(b, a);
}

/// <summary>Where a detector found a face in a frame: its box and, when the detector gives them, the eyes.</summary>
public readonly record struct FaceLocation(PixelRect Box, EyePair? Eyes = null)
{
    public Vector2 BoxCentre => new(Box.X + Box.Width / 2f, Box.Y + Box.Height / 2f);
}
