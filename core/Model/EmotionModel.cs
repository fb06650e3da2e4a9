using System.Globalization;
using FerMusic.Core.Faces;
using Microsoft.ML.OnnxRuntime;

namespace FerMusic.Core.Model;

/// <summary>
/// An ONNX emotion model, checked against <see cref="ModelContract"/> when it is loaded, that classifies batches
/// of 48x48 grey faces with ONNX Runtime on the CPU. One instance holds one session: create it once and share it;
/// <see cref="Predict"/> may be called from many threads at once (each call has its own input buffer, and ONNX
/// Runtime's sessions run concurrently).
/// </summary>
public sealed class EmotionModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();

    private EmotionModel(string path, InferenceSession session, IReadOnlyList<string> labels, FaceFramings framings,
        IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        _session = session;
        Labels = labels;
        Framings = framings;
        Metadata = metadata;
    }

    public string Path { get; }

    /// <summary>The output classes, in output order, from the model's <c>labels</c> metadata.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>How faces are framed in this model's input, per face detector (from its metadata).</summary>
    public FaceFramings Framings { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public int IntraOpThreads { get; private init; }

    public static EmotionModel Load(string path, int threads = 0)
    {
        if (!File.Exists(path))
        {
            throw new ModelContractException(path, "model file not found");
        }
        var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (threads > 0)
        {
            options.IntraOpNumThreads = threads;
        }
        InferenceSession session;
        try
        {
            session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelContractException(path, $"not a loadable ONNX model ({FirstLine(e.Message)})");
        }
        try
        {
            var (labels, framings) = CheckContract(session);
            return new EmotionModel(path, session, labels, framings, session.ModelMetadata.CustomMetadataMap)
            {
                IntraOpThreads = threads > 0 ? threads : Environment.ProcessorCount,
            };
        }
        catch (ModelContractException)
        {
            session.Dispose();
            throw;
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            session.Dispose();
            throw new ModelContractException(path, e.Message);
        }
    }

    private static (IReadOnlyList<string> Labels, FaceFramings Framings) CheckContract(InferenceSession session)
    {
        var expected = $"expected input '{ModelContract.InputName}' float32 [N,1,{ModelContract.ImageSize},{ModelContract.ImageSize}] " +
                       $"and output '{ModelContract.OutputName}' float32 [N,classes] (the FerMusic model contract)";
        if (!session.InputMetadata.TryGetValue(ModelContract.InputName, out var input) || session.InputMetadata.Count != 1
            || input.ElementType != typeof(float) || input.Dimensions is not [_, 1, ModelContract.ImageSize, ModelContract.ImageSize])
        {
            throw new InvalidDataException(
                $"{expected}; found inputs {Describe(session.InputMetadata)}");
        }
        if (!session.OutputMetadata.TryGetValue(ModelContract.OutputName, out var output)
            || output.ElementType != typeof(float) || output.Dimensions is not [_, > 0])
        {
            throw new InvalidDataException($"{expected}; found outputs {Describe(session.OutputMetadata)}");
        }
        var metadata = session.ModelMetadata.CustomMetadataMap;
        if (!metadata.TryGetValue(ModelContract.LabelsKey, out var labelText))
        {
            throw new InvalidDataException($"metadata '{ModelContract.LabelsKey}' is missing; expected the class names in output order, e.g. '{EmotionLabels.Joined}'");
        }
        var labels = labelText.Split(',', StringSplitOptions.TrimEntries);
        if (labels.Length != output.Dimensions[1])
        {
            throw new InvalidDataException($"metadata '{ModelContract.LabelsKey}' names {labels.Length} classes but the output has {output.Dimensions[1]}");
        }
        var margin = ModelContract.DefaultFaceMargin;
        if (metadata.TryGetValue(ModelContract.FaceMarginKey, out var marginText)
            && !float.TryParse(marginText, NumberStyles.Float, CultureInfo.InvariantCulture, out margin))
        {
            throw new InvalidDataException($"metadata '{ModelContract.FaceMarginKey}' is '{marginText}', expected a number");
        }
        if (!metadata.TryGetValue(ModelContract.FaceFramingKey, out var framingText))
        {
            return (labels, FaceFramings.FromMargin(margin));
        }
        try
        {
            return (labels, FaceFramings.Parse(framingText, margin));
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"metadata '{ModelContract.FaceFramingKey}' is not a face framing: {e.Message}");
        }
    }

    /// <summary>
    /// Classifies <paramref name="faces"/> (consecutive 48x48 grey images) into <paramref name="probabilities"/>
    /// (one row of <see cref="Labels"/>.Count values per face).
    /// </summary>
    public void Predict(ReadOnlySpan<byte> faces, Span<float> probabilities)
    {
        var count = faces.Length / ModelContract.PixelsPerImage;
        if (count * Labels.Count > probabilities.Length)
        {
            throw new ArgumentException($"Room for {probabilities.Length} probabilities, {count * Labels.Count} needed.", nameof(probabilities));
        }
        if (count == 0)
        {
            return;
        }
        var buffer = System.Buffers.ArrayPool<float>.Shared.Rent(faces.Length);
        try
        {
            ModelInput.Write(faces, buffer);
            using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, faces.Length),
                [count, 1, ModelContract.ImageSize, ModelContract.ImageSize]);
            using var outputs = _session.Run(_runOptions, [ModelContract.InputName], [input], [ModelContract.OutputName]);
            outputs[0].GetTensorDataAsSpan<float>().CopyTo(probabilities);
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(buffer);
        }
    }

    private static string Describe(IReadOnlyDictionary<string, NodeMetadata> nodes) =>
        nodes.Count == 0 ? "none" : string.Join(", ", nodes.Select(n => $"'{n.Key}' {n.Value.ElementType?.Name} [{string.Join(',', n.Value.Dimensions)}]"));

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    public void Dispose()
    {
        _runOptions.Dispose();
        _session.Dispose();
    }
}
