namespace FerMusic.Train.Augmentation;

/// <summary>Which augmentations run and how strongly; each can be switched off on its own.</summary>
public sealed record AugmentationOptions
{
    /// <summary>Largest random shift in pixels (the random crop of a reflect-padded image).</summary>
    public int MaxShift { get; init; } = 4;

    public double FlipProbability { get; init; } = 0.5;

    /// <summary>Largest rotation either way, in degrees.</summary>
    public double MaxRotationDegrees { get; init; } = 10;

    /// <summary>Largest relative zoom either way (0.05 = 95%..105%).</summary>
    public double MaxScale { get; init; } = 0.05;

    /// <summary>
    /// Largest stretch of the axes in opposite directions, as a detector's box varies: width scaled by up to 1 + this
    /// and height by its inverse, or the other way round (0.1: width:height from 1/1.21 to 1.21).
    /// </summary>
    public double MaxAspect { get; init; }

    /// <summary>Brightness offset as a fraction of the 0..255 range, either way.</summary>
    public double Brightness { get; init; } = 0.1;

    /// <summary>Contrast factor range 1 ± this, around each image's mean.</summary>
    public double Contrast { get; init; } = 0.2;

    public double ErasingProbability { get; init; } = 0.25;

    public static AugmentationOptions None { get; } = new()
    {
        MaxShift = 0, FlipProbability = 0, MaxRotationDegrees = 0, MaxScale = 0, MaxAspect = 0, Brightness = 0, Contrast = 0, ErasingProbability = 0,
    };

    public bool IsGeometric => MaxShift > 0 || MaxRotationDegrees > 0 || MaxScale > 0 || MaxAspect > 0;
}
