namespace FerMusic.Core.Model;

/// <summary>A model file that cannot be used: missing, not ONNX, or not honouring <see cref="ModelContract"/>.</summary>
public sealed class ModelContractException(string path, string problem) : Cli.UserErrorException($"{path}: {problem}")
{
    public string Path { get; } = path;
}
