using FerMusic.Core.Model;


namespace FerMusic.Core.Tests.Model;

public sealed class TtaViewsTests
{
    private static byte[] Gradient()
    {
        var face = new byte[ModelContract.PixelsPerImage];
        for (var i = 0; i < face.Length; i++)
        {
            face[i] = (byte)(i % 48 * 5);
        }
        return face;
    }

    [Theory]
    [InlineData(TtaMode.None, 1)]
    [InlineData(TtaMode.Flip, 2)]
    [InlineData(TtaMode.TenCrop, 10)]
    public void Counts_the_views(TtaMode mode, int views)
    {
        Assert.Equal(views, TtaViews.Count(mode));
    }

    [Fact]
    public void Flip_gives_the_face_and_its_exact_mirror()
    {
        var face = Gradient();
        var views = new byte[2 * face.Length];

        TtaViews.Write(face, TtaMode.Flip, views);

        Assert.Equal(face, views[..face.Length]);
        for (var y = 0; y < 48; y++)
        {
            for (var x = 0; x < 48; x++)
            {
                Assert.Equal(face[y * 48 + x], views[face.Length + y * 48 + 47 - x]);
            }
        }
    }

    [Fact]
    public void Ten_crops_of_a_flat_face_are_flat_and_crops_differ_on_a_gradient()
    {
        var flat = Enumerable.Repeat((byte)90, ModelContract.PixelsPerImage).ToArray();
        var views = new byte[10 * flat.Length];

        TtaViews.Write(flat, TtaMode.TenCrop, views);
        Assert.All(views, v => Assert.Equal(90, v));

        TtaViews.Write(Gradient(), TtaMode.TenCrop, views);
        var topLeft = views.AsSpan(0, flat.Length).ToArray();
        var topRight = views.AsSpan(2 * flat.Length, flat.Length).ToArray();
        Assert.NotEqual(topLeft, topRight);
    }
}
