using FerMusic.Core;
using FerMusic.Core.Faces;
using FerMusic.Core.Fer2013;
using FerMusic.Core.Model;
using FerMusic.Eval.Framing;
using FerMusic.Tests;
using FerMusic.Tests.Vision;
using FerMusic.Vision.Detection;
using FerMusic.Vision.Faces;
using FerMusic.Vision.Frames;
using OpenCvSharp;

namespace FerMusic.Eval.Tests.Framing;

/// <summary>
/// FER2013 faces shown to the live path in a camera-sized frame come back out framed the way FER2013 frames them:
/// measured the way FER2013 itself was measured, the live crops put the detector's box where FER2013 has it.
/// </summary>
public sealed class LiveCropFramingTests
{
    private static readonly Lazy<Fer2013Dataset> Faces = new(() =>
    {
        var dataset = Fer2013Reader.Read(SharedData.Require(SharedData.Fer2013)).Dataset;
        return dataset.Subset([.. dataset.IndicesOf(Fer2013Split.PublicTest).Take(300)]);
    });

    private static FaceSettings Settings(DetectorKind kind) => new()
    {
        Kind = kind,
        CascadePath = kind == DetectorKind.Haar ? InstalledCascade.Require() : null,
        YuNetPath = kind == DetectorKind.YuNet ? SharedFaces.YuNet : null,
        Haar = new HaarOptions(Track: false),
    };

    /// <summary>Each face 5x larger (the measurement enlarges 4x), off-centre in a 640x480 frame, through detection and the live crop.</summary>
    private static Fer2013Dataset LiveCrops(FaceSettings settings, FaceFraming framing)
    {
        using var detector = new FaceDetectorFactory(settings).Create();
        using var face = new Mat(48, 48, MatType.CV_8UC1);
        using var large = new Mat();
        using var camera = new Mat();
        using var frame = new VisionFrame();
        var crops = new List<byte>();
        var images = Faces.Value;
        for (var i = 0; i < images.Count; i++)
        {
            images.Image(i).CopyTo(face.AsSpan<byte>());
            Cv2.Resize(face, large, new Size(240, 240), 0, 0, InterpolationFlags.Cubic);
            Cv2.CopyMakeBorder(large, camera, 90, 480 - 240 - 90, 310, 640 - 240 - 310, BorderTypes.Replicate);
            frame.Update(camera);
            detector.Reset();
            var found = detector.Detect(frame);
            if (found.Length > 0)
            {
                var crop = new byte[ModelContract.PixelsPerImage];
                FaceInputs.Write(frame, [found[0]], framing, FaceAlignment.Box, crop);
                crops.AddRange(crop);
            }
        }
        var count = crops.Count / ModelContract.PixelsPerImage;
        return new Fer2013Dataset([.. crops], new Emotion[count], new Fer2013Split[count]);
    }

    [Theory]
    [InlineData(DetectorKind.Haar)]
    [InlineData(DetectorKind.YuNet)]
    public void The_live_crop_of_a_FER2013_face_puts_the_detector_box_where_FER2013_has_it(DetectorKind kind)
    {
        var settings = Settings(kind);
        var shipped = Fer2013Framing.Measured.For(settings.Name);

        var crops = LiveCrops(settings, shipped);
        var remeasured = FramingMeasurement.Measure(crops, settings).Framing;

        Assert.True(crops.Count > 200, $"a face was found in {crops.Count} of 300");
        Assert.InRange((remeasured.BoxCentre - shipped.BoxCentre).Length(), 0, 0.75f);
        Assert.InRange((remeasured.BoxSize - shipped.BoxSize).Length(), 0, 1.5f);
    }

    [Fact]
    public void The_old_margin_crop_frames_them_measurably_wider()
    {
        var settings = Settings(DetectorKind.Haar);

        var remeasured = FramingMeasurement.Measure(LiveCrops(settings, FaceFraming.FromMargin(ModelContract.DefaultFaceMargin)), settings).Framing;

        Assert.True(remeasured.BoxSize.X < Fer2013Framing.Measured.For("haar").BoxSize.X - 4, $"box {remeasured.BoxSize.X:0.0} wide");
    }
}
