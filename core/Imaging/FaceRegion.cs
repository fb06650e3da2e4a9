namespace FerMusic.Core.Imaging;

/// <summary>A rectangle in image pixels.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public int Area => Width * Height;
}

/// <summary>
/// The part of a frame that becomes a model's 48x48 face: the detected box grown by the model's margin on every
/// side, made square around its centre and kept inside the frame.
/// </summary>
public static class FaceRegion
{
    public static PixelRect Expand(PixelRect face, float margin, int frameWidth, int frameHeight)
    {
        var side = Math.Max(face.Width, face.Height) * (1 + 2 * margin);
        side = Math.Min(side, Math.Min(frameWidth, frameHeight));
        var size = Math.Max(1, (int)MathF.Round(side));
        var centreX = face.X + face.Width / 2f;
        var centreY = face.Y + face.Height / 2f;
        var x = Math.Clamp((int)MathF.Round(centreX - size / 2f), 0, frameWidth - size);
        var y = Math.Clamp((int)MathF.Round(centreY - size / 2f), 0, frameHeight - size);
        return new PixelRect(x, y, size, size);
    }

    /// <summary>Cuts the face out of a grey frame and resizes it to the model's 48x48 input.</summary>
    public static void Extract(ReadOnlySpan<byte> frame, int frameWidth, int frameHeight, int stride,
        PixelRect face, float margin, Span<byte> destination)
    {
        var region = Expand(face, margin, frameWidth, frameHeight);
        GrayResize.Bilinear(frame.Slice(region.Y * stride + region.X), region.Width, region.Height, stride,
            destination, ModelContract.ImageSize, ModelContract.ImageSize);
    }
}
