using FerMusic.Core.Imaging;

namespace FerMusic.Core.Model;

/// <summary>Writes the views of one face that a <see cref="TtaMode"/> averages over.</summary>
public static class TtaViews
{
    private const int Side = ModelContract.ImageSize;
    private const int CropSide = 44;

    public static int Count(TtaMode mode) => mode switch
    {
        TtaMode.None => 1,
        TtaMode.Flip => 2,
        TtaMode.TenCrop => 10,
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <param name="destination">Room for <see cref="Count"/> images of 48x48.</param>
    public static void Write(ReadOnlySpan<byte> face, TtaMode mode, Span<byte> destination)
    {
        var size = ModelContract.PixelsPerImage;
        switch (mode)
        {
            case TtaMode.None:
                face.CopyTo(destination);
                break;
            case TtaMode.Flip:
                face.CopyTo(destination);
                GreyResize.MirrorHorizontally(face, Side, Side, destination.Slice(size, size));
                break;
            case TtaMode.TenCrop:
                const int far = Side - CropSide;
                (int X, int Y)[] origins = [(0, 0), (far, 0), (0, far), (far, far), (far / 2, far / 2)];
                for (var i = 0; i < origins.Length; i++)
                {
                    var crop = destination.Slice(2 * i * size, size);
                    GreyResize.Resize(face.Slice(origins[i].Y * Side + origins[i].X), CropSide, CropSide, Side, crop, Side, Side);
                    GreyResize.MirrorHorizontally(crop, Side, Side, destination.Slice((2 * i + 1) * size, size));
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode));
        }
    }
}
