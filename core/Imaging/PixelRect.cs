namespace FerMusic.Core.Imaging;

/// <summary>A rectangle in image pixels: it covers columns X..X+Width-1 and rows Y..Y+Height-1.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public int Area => Width * Height;

    /// <summary>The pixels two rectangles share.</summary>
    public int Overlap(PixelRect other)
    {
        var width = Math.Min(X + Width, other.X + other.Width) - Math.Max(X, other.X);
        var height = Math.Min(Y + Height, other.Y + other.Height) - Math.Max(Y, other.Y);
        return width > 0 && height > 0 ? width * height : 0;
    }
}
