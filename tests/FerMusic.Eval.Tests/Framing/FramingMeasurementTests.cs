using FerMusic.Core.Fer2013;
using FerMusic.Eval.Framing;
using FerMusic.Tests;
using FerMusic.Tests.Vision;
using FerMusic.Vision.Detection;

namespace FerMusic.Eval.Tests.Framing;

/// <summary>The framing the trainer writes into models is what the detectors measure on FER2013.</summary>
public sealed class FramingMeasurementTests
{
    private static readonly Lazy<Fer2013Dataset> Sample = new(() =>
    {
        var dataset = Fer2013Reader.Read(SharedData.Require(SharedData.Fer2013)).Dataset;
        var training = dataset.IndicesOf(Fer2013Split.Training);
        return dataset.Subset([.. training.Where((_, i) => i % 50 == 0)]);
    });

    [Theory]
    [InlineData(DetectorKind.Haar)]
    [InlineData(DetectorKind.YuNet)]
    public void Re_measuring_a_sample_of_the_Training_images_agrees_with_the_shipped_framing(DetectorKind kind)
    {
        var settings = new FaceSettings
        {
            Kind = kind,
            CascadePath = kind == DetectorKind.Haar ? InstalledCascade.Require() : null,
            YuNetPath = kind == DetectorKind.YuNet ? SharedFaces.YuNet : null,
        };

        var result = FramingMeasurement.Measure(Sample.Value, settings);

        var shipped = Fer2013Framing.Measured.For(settings.Name);
        Assert.True(result.FoundShare > 0.7, $"{settings.Name} found a face in {result.FoundShare:P0}");
        Assert.InRange((result.Framing.BoxCentre - shipped.BoxCentre).Length(), 0, 0.75f);
        Assert.InRange((result.Framing.BoxSize - shipped.BoxSize).Length(), 0, 1.5f);
        if (shipped.Eyes is { } eyes)
        {
            Assert.InRange((result.Framing.Eyes!.Value.Left - eyes.Left).Length(), 0, 0.75f);
            Assert.InRange((result.Framing.Eyes!.Value.Right - eyes.Right).Length(), 0, 0.75f);
        }
    }
}
