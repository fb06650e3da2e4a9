namespace FerMusic.Core.Model;

/// <summary>
/// Fills the model's input buffer ([N,1,48,48] float32 of raw grey values) from 48x48 grey faces.
/// The trainer, the evaluator and the runtime all build their batches with it.
/// </summary>
public static class ModelInput
{
    /// <summary>Writes consecutive 48x48 byte images into <paramref name="destination"/> as floats 0..255.</summary>
    public static void Write(ReadOnlySpan<byte> images, Span<float> destination)
    {
        if (images.Length % ModelContract.PixelsPerImage != 0)
        {
            throw new ArgumentException($"Expected a whole number of {ModelContract.ImageSize}x{ModelContract.ImageSize} images, got {images.Length} bytes.", nameof(images));
        }
        if (destination.Length < images.Length)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values, {images.Length} needed.", nameof(destination));
        }
        for (var i = 0; i < images.Length; i++)
        {
            destination[i] = images[i];
        }
    }
}
