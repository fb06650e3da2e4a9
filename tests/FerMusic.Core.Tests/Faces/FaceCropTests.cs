using System.Numerics;
using FerMusic.Core.Faces;
using FerMusic.Core.Fer2013;
using FerMusic.Core.Imaging;
using FerMusic.Core.Model;

namespace FerMusic.Core.Tests.Faces;

public sealed class FaceCropTests
{
    private const int Width = 640;
    private const int Height = 480;

    /// <summary>A black frame with the detector's box painted white and the eyes, if given, painted as 5x5 grey dots.</summary>
    private static byte[] Frame(PixelRect box, EyePair? eyes = null)
    {
        var frame = new byte[Width * Height];
        for (var y = box.Y; y < box.Y + box.Height; y++)
        {
            frame.AsSpan(y * Width + box.X, box.Width).Fill(255);
        }
        foreach (var eye in eyes is { } pair ? new[] { pair.Left, pair.Right } : [])
        {
            for (var y = (int)eye.Y - 2; y <= (int)eye.Y + 2; y++)
            {
                frame.AsSpan(y * Width + (int)eye.X - 2, 5).Fill(100);
            }
        }
        return frame;
    }

    private static byte[] Crop(byte[] frame, FaceLocation face, FaceFraming framing, FaceAlignment alignment)
    {
        var output = new byte[ModelContract.PixelsPerImage];
        FaceCrop.Extract(frame, Width, Height, Width, face, framing, alignment, output);
        return output;
    }

    /// <summary>The extent of pixels brighter than half in the 48x48 output, in continuous coordinates.</summary>
    private static (float Left, float Top, float Right, float Bottom) BrightExtent(byte[] image, int threshold = 128)
    {
        var (left, top, right, bottom) = (48f, 48f, 0f, 0f);
        for (var y = 0; y < 48; y++)
        {
            for (var x = 0; x < 48; x++)
            {
                if (image[y * 48 + x] >= threshold)
                {
                    (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x + 1), Math.Max(bottom, y + 1));
                }
            }
        }
        return (left, top, right, bottom);
    }

    public static TheoryData<string, int, int, int> Boxes => new()
    {
        { "haar", 250, 120, 160 },
        { "haar", 40, 300, 90 },
        { "yunet", 300, 100, 120 },
    };

    [Theory]
    [MemberData(nameof(Boxes))]
    public void A_detected_box_lands_where_the_detector_puts_FER2013_faces(string detector, int x, int y, int side)
    {
        var framing = Fer2013Framing.Measured.For(detector);
        // A box with the framing's own proportions, as the detector would report on a face framed like FER2013's.
        var box = new PixelRect(x, y, side, (int)Math.Round(side * framing.BoxSize.Y / framing.BoxSize.X));

        var crop = Crop(Frame(box), new FaceLocation(box), framing, FaceAlignment.Box);

        var expected = (framing.BoxCentre - framing.BoxSize / 2, framing.BoxCentre + framing.BoxSize / 2);
        var (left, top, right, bottom) = BrightExtent(crop);
        Assert.InRange(left, Math.Max(0, expected.Item1.X) - 1, Math.Max(0, expected.Item1.X) + 1);
        Assert.InRange(top, Math.Max(0, expected.Item1.Y) - 1, Math.Max(0, expected.Item1.Y) + 1);
        Assert.InRange(right, Math.Min(48, expected.Item2.X) - 1, Math.Min(48, expected.Item2.X) + 1);
        Assert.InRange(bottom, Math.Min(48, expected.Item2.Y) - 1, Math.Min(48, expected.Item2.Y) + 1);
    }

    [Theory]
    [InlineData(FaceAlignment.Level)]
    [InlineData(FaceAlignment.Eyes)]
    public void Eyes_of_a_tilted_face_land_level_where_FER2013_has_them(FaceAlignment alignment)
    {
        var framing = Fer2013Framing.Measured.For("yunet");
        var targetEyes = framing.Eyes!.Value;
        // Place the framing's eyes in a frame 4.5x larger, turned by 20 degrees about the box centre.
        var scale = 4.5f;
        var angle = 20 * MathF.PI / 180;
        var centre = new Vector2(320, 240);
        Vector2 Place(Vector2 p)
        {
            var d = (p - framing.BoxCentre) * scale;
            return centre + new Vector2(d.X * MathF.Cos(angle) - d.Y * MathF.Sin(angle), d.X * MathF.Sin(angle) + d.Y * MathF.Cos(angle));
        }
        var eyes = EyePair.Of(Place(targetEyes.Left), Place(targetEyes.Right));
        var size = framing.BoxSize * scale;
        var box = new PixelRect((int)(centre.X - size.X / 2), (int)(centre.Y - size.Y / 2), (int)size.X, (int)size.Y);
        var frame = new byte[Width * Height];
        foreach (var eye in new[] { eyes.Left, eyes.Right })
        {
            for (var y = (int)eye.Y - 6; y <= (int)eye.Y + 6; y++)
            {
                frame.AsSpan(y * Width + (int)eye.X - 6, 13).Fill(255);
            }
        }

        var crop = Crop(frame, new FaceLocation(box, eyes), framing, alignment);

        // Each eye's blob comes out centred on the framing's eye position.
        foreach (var target in new[] { targetEyes.Left, targetEyes.Right })
        {
            var (sum, weight) = (Vector2.Zero, 0f);
            for (var y = (int)target.Y - 5; y <= (int)target.Y + 5; y++)
            {
                for (var x = (int)target.X - 5; x <= (int)target.X + 5; x++)
                {
                    sum += new Vector2(x + 0.5f, y + 0.5f) * crop[y * 48 + x];
                    weight += crop[y * 48 + x];
                }
            }
            Assert.True(weight > 0);
            Assert.InRange(Vector2.Distance(sum / weight, target), 0, 1f);
        }
    }

    [Fact]
    public void Box_alignment_ignores_the_eyes()
    {
        var framing = Fer2013Framing.Measured.For("yunet");
        var box = new PixelRect(200, 100, 151, 198);
        var tilted = EyePair.Of(new Vector2(230, 160), new Vector2(320, 200));

        var withEyes = FaceCrop.Sampling(new FaceLocation(box, tilted), framing, FaceAlignment.Box);
        var without = FaceCrop.Sampling(new FaceLocation(box), framing, FaceAlignment.Box);

        Assert.Equal(without, withEyes);
        Assert.Equal(0, withEyes.AxisU.Y, 5);
    }

    [Fact]
    public void A_model_without_a_framing_is_cropped_as_before_by_its_margin()
    {
        var framing = FaceFraming.FromMargin(0.1f);
        var box = new PixelRect(100, 100, 100, 100);

        var (left, top, right, bottom) = BrightExtent(Crop(Frame(box), new FaceLocation(box), framing, FaceAlignment.Level));

        // The box, grown by 10% on each side, fills the input: the box itself covers 48 / 1.2 = 40 pixels, centred.
        Assert.Equal((4f, 4f, 44f, 44f), (left, top, right, bottom));
    }
}
