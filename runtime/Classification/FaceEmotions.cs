using FerMusic.Core.Imaging;

namespace FerMusic.Runtime.Classification;

/// <summary>A detected face and the model's probability for each class.</summary>
public sealed record FaceEmotions(PixelRect Box, float[] Probabilities);
