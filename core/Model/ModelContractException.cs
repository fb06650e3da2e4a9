namespace FerMusic.Core;

/// <summary>A model file that cannot be used: missing, not ONNX, or not honouring <see cref="ModelContract"/>.</summary>
public sealed class ModelContractException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;
}
