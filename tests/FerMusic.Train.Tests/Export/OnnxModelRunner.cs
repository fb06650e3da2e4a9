using FerMusic.Core;
using Microsoft.ML.OnnxRuntime;

namespace FerMusic.Train.Tests.Export;

/// <summary>Runs an exported model with ONNX Runtime, as the evaluator and runtime do.</summary>
public sealed class OnnxModelRunner : IDisposable
{
    public OnnxModelRunner(byte[] model) => Session = new InferenceSession(model);

    public OnnxModelRunner(string path) => Session = new InferenceSession(path);

    public InferenceSession Session { get; }

    public float[] Run(float[] pixels, int count)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(pixels, [count, 1, ModelContract.ImageSize, ModelContract.ImageSize]);
        using var outputs = Session.Run(new RunOptions(), [ModelContract.InputName], [input], [ModelContract.OutputName]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public void Dispose() => Session.Dispose();
}
