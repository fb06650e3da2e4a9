using OpenCvSharp;
using SkiaSharp;

namespace FerMusic.Eval.Faces;

/// <summary>
/// Decodes a picture file into an 8-bit BGR frame, as a camera would deliver it: PNG, JPEG, BMP, TIFF and WebP
/// with OpenCV, anything OpenCV cannot read (GIF) with SkiaSharp. Grey pictures come out with three equal channels.
/// </summary>
public static class PictureDecoder
{
    /// <returns>The frame, or null when the file is not a picture either library can read.</returns>
    public static Mat? Read(string path)
    {
        var frame = Cv2.ImRead(path, ImreadModes.Color);
        if (!frame.Empty())
        {
            return frame;
        }
        frame.Dispose();
        return ReadWithSkia(path);
    }

    private static Mat? ReadWithSkia(string path)
    {
        using var decoded = SKBitmap.Decode(path);
        if (decoded is null)
        {
            return null;
        }
        using var bgra = decoded.Copy(SKColorType.Bgra8888);
        if (bgra is null)
        {
            return null;
        }
        using var wrapped = Mat.FromPixelData(bgra.Height, bgra.Width, MatType.CV_8UC4, bgra.GetPixels(), bgra.RowBytes);
        var frame = new Mat();
        Cv2.CvtColor(wrapped, frame, ColorConversionCodes.BGRA2BGR);
        return frame;
    }
}
