using FerMusic.Core.Model;

namespace FerMusic.Eval.Data;

/// <summary>
/// Faces to evaluate on: consecutive 48x48 grey images, the index of each one's true class in <see cref="Labels"/>,
/// and how many inputs were left out and why.
/// </summary>
public sealed record LabelledFaces(
    string Source,
    string Split,
    byte[] Pixels,
    int[] Truth,
    IReadOnlyList<string> Labels,
    IReadOnlyDictionary<string, int> Excluded)
{
    public int Count => Truth.Length;

    public ReadOnlySpan<byte> Image(int index) => Pixels.AsSpan(index * ModelContract.PixelsPerImage, ModelContract.PixelsPerImage);
}
