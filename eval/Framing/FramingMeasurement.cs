using FerMusic.Core.Numerics;
using System.Numerics;
using FerMusic.Core.Faces;
using FerMusic.Core.Fer2013;
using FerMusic.Core.Model;
using FerMusic.Vision.Detection;
using FerMusic.Vision.Frames;
using OpenCvSharp;

namespace FerMusic.Eval.Framing;

/// <summary>Where a detector put the face in one FER2013 image, in that image's 48x48 coordinates.</summary>
public readonly record struct FramedFace(Vector2 BoxCentre, Vector2 BoxSize, EyePair? Eyes);

/// <param name="Framing">The medians: the framing a model trained on these images expects from this detector.</param>
/// <param name="Spread">Half the interquartile range of the box centre (x, y) and size (width, height), in input pixels.</param>
public sealed record FramingResult(string Detector, int Images, IReadOnlyList<FramedFace> Found, FaceFraming Framing, Vector4 Spread)
{
    public double FoundShare => Images == 0 ? 0 : (double)Found.Count / Images;
}

/// <summary>
/// Measures where a face detector's box and eyes sit in FER2013's 48x48 frames: each image is enlarged
/// <see cref="Upscale"/> times (bicubic) with its edges repeated around it, so the detector sees a face of a
/// normal size with some surroundings, and the face it finds is mapped back to the 48x48 frame. The median over
/// all images is the framing the live crop reproduces.
/// </summary>
public static class FramingMeasurement
{
    public const int Upscale = 4;
    private const int Border = ModelContract.ImageSize * Upscale / 4;

    public static FramingResult Measure(Fer2013Dataset images, FaceSettings settings, IProgress<int>? progress = null)
    {
        var detectors = new FaceDetectorFactory(settings);
        using var detector = detectors.Create();
        using var frame = new VisionFrame();
        using var small = new Mat(ModelContract.ImageSize, ModelContract.ImageSize, MatType.CV_8UC1);
        using var large = new Mat();
        using var padded = new Mat();
        var found = new List<FramedFace>();
        for (var i = 0; i < images.Count; i++)
        {
            images.Image(i).CopyTo(small.AsSpan<byte>());
            Cv2.Resize(small, large, new Size(ModelContract.ImageSize * Upscale, ModelContract.ImageSize * Upscale), 0, 0, InterpolationFlags.Cubic);
            Cv2.CopyMakeBorder(large, padded, Border, Border, Border, Border, BorderTypes.Replicate);
            frame.Update(padded);
            detector.Reset();
            var faces = detector.Detect(frame);
            if (faces.Length > 0)
            {
                found.Add(ToInput(faces[0]));
            }
            progress?.Report(i + 1);
        }
        return Summarise(detector.Name, images.Count, found);
    }

    private static Vector2 ToInput(Vector2 point) => (point - new Vector2(Border)) / Upscale;

    private static FramedFace ToInput(FaceLocation face) => new(
        ToInput(face.BoxCentre),
        new Vector2(face.Box.Width, face.Box.Height) / Upscale,
        face.Eyes is { } eyes ? new EyePair(ToInput(eyes.Left), ToInput(eyes.Right)) : null);

    public static FramingResult Summarise(string detector, int images, IReadOnlyList<FramedFace> found)
    {
        if (found.Count == 0)
        {
            throw new InvalidDataException($"The {detector} detector found no face in {images} FER2013 images; no framing can be measured.");
        }
        float Median(Func<FramedFace, float> value) => Quantile(found.Select(value), 0.5);
        float HalfIqr(Func<FramedFace, float> value) => (Quantile(found.Select(value), 0.75) - Quantile(found.Select(value), 0.25)) / 2;
        var withEyes = found.Where(f => f.Eyes is not null).Select(f => f.Eyes!.Value).ToList();
        EyePair? eyes = withEyes.Count * 2 >= found.Count
            ? new EyePair(
                new Vector2(Quantile(withEyes.Select(e => e.Left.X), 0.5), Quantile(withEyes.Select(e => e.Left.Y), 0.5)),
                new Vector2(Quantile(withEyes.Select(e => e.Right.X), 0.5), Quantile(withEyes.Select(e => e.Right.Y), 0.5)))
            : null;
        var framing = new FaceFraming(
            new Vector2(Median(f => f.BoxCentre.X), Median(f => f.BoxCentre.Y)),
            new Vector2(Median(f => f.BoxSize.X), Median(f => f.BoxSize.Y)),
            eyes);
        var spread = new Vector4(HalfIqr(f => f.BoxCentre.X), HalfIqr(f => f.BoxCentre.Y), HalfIqr(f => f.BoxSize.X), HalfIqr(f => f.BoxSize.Y));
        return new FramingResult(detector, images, found, framing, spread);
    }

    private static float Quantile(IEnumerable<float> values, double q) => (float)Quantiles.Of(values.Select(v => (double)v), q);
}
