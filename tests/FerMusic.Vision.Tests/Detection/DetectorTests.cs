using FerMusic.Tests;
using FerMusic.Tests.Vision;
using FerMusic.Vision.Detection;
using FerMusic.Vision.Frames;

namespace FerMusic.Vision.Tests.Detection;

public sealed class DetectorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static IFaceDetector Create(DetectorKind kind) => new FaceDetectorFactory(new FaceSettings
    {
        Kind = kind,
        CascadePath = kind == DetectorKind.Haar ? InstalledCascade.Require() : null,
        YuNetPath = kind == DetectorKind.YuNet ? SharedFaces.YuNet : null,
    }).Create();

    [Theory]
    [InlineData(DetectorKind.Haar, "obama.jpg", 1)]
    [InlineData(DetectorKind.Haar, "biden.jpg", 1)]
    [InlineData(DetectorKind.Haar, "two_people.jpg", 2)]
    [InlineData(DetectorKind.YuNet, "obama.jpg", 1)]
    [InlineData(DetectorKind.YuNet, "biden.jpg", 1)]
    [InlineData(DetectorKind.YuNet, "two_people.jpg", 2)]
    public void Finds_every_face_of_the_shared_photographs_largest_first(DetectorKind kind, string photo, int faces)
    {
        using var detector = Create(kind);
        using var image = SharedFaces.Read(photo);
        using var frame = new VisionFrame();
        frame.Update(image);

        var found = detector.Detect(frame);

        Assert.Equal(faces, found.Length);
        Assert.Equal(found.OrderByDescending(f => f.Box.Area).Select(f => f.Box), found.Select(f => f.Box));
        Assert.All(found, face => Assert.InRange(face.Box.Width, 40, image.Width));
    }

    [Fact]
    public void YuNet_reports_both_eyes_in_the_upper_half_of_the_box_left_before_right()
    {
        using var detector = Create(DetectorKind.YuNet);
        using var image = SharedFaces.Read("obama.jpg");
        using var frame = new VisionFrame();
        frame.Update(image);

        var face = Assert.Single(detector.Detect(frame));

        var eyes = Assert.NotNull(face.Eyes);
        Assert.True(eyes.Left.X < eyes.Right.X);
        foreach (var eye in new[] { eyes.Left, eyes.Right })
        {
            Assert.InRange(eye.X, face.Box.X, face.Box.X + face.Box.Width);
            Assert.InRange(eye.Y, face.Box.Y, face.Box.Y + face.Box.Height / 2f);
        }
        Assert.InRange(eyes.Distance, face.Box.Width * 0.25f, face.Box.Width * 0.6f);
    }

    [Fact]
    public void A_grey_frame_works_for_both_detectors()
    {
        using var image = SharedFaces.Read("obama.jpg");
        using var grey = image.CvtColor(OpenCvSharp.ColorConversionCodes.BGR2GRAY);
        using var frame = new VisionFrame();
        frame.Update(grey);

        foreach (var kind in Enum.GetValues<DetectorKind>())
        {
            using var detector = Create(kind);
            Assert.Single(detector.Detect(frame));
        }
    }

    [Fact]
    public void A_file_that_is_not_a_cascade_is_refused_at_once()
    {
        var path = _temp.File("cascade.xml");
        File.WriteAllText(path, "<opencv_storage>nothing</opencv_storage>");

        var error = Assert.Throws<InvalidDataException>(() => new FaceDetectorFactory(new FaceSettings { CascadePath = path }));

        Assert.Contains("not a loadable Haar cascade", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_YuNet_model_is_refused_at_once()
    {
        var path = _temp.File("yunet.onnx");
        File.WriteAllBytes(path, [1, 2, 3, 4]);

        var error = Assert.Throws<InvalidDataException>(() => new FaceDetectorFactory(new FaceSettings { Kind = DetectorKind.YuNet, YuNetPath = path }));

        Assert.Contains("not a loadable YuNet model", error.Message);
    }

    [Fact]
    public void A_missing_YuNet_model_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => YuNetLocator.Resolve("/nowhere/yunet.onnx"));

        Assert.Contains("/nowhere/yunet.onnx", error.Message);
    }
}
