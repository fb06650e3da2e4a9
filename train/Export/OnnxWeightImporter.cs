using System.Runtime.InteropServices;
using FerMusic.Core;
using FerMusic.Core.Model;
using FerMusic.Train.Models;
using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace FerMusic.Train.Export;

/// <summary>
/// Loads the weights of a model written by <see cref="OnnxExporter"/> into a network of the same architecture, so
/// that training can start from an exported model. The network's own export names its tensors, so the two agree.
/// </summary>
public static class OnnxWeightImporter
{
    /// <summary>The model's metadata (architecture, labels, training facts) as the exporter wrote it.</summary>
    public static IReadOnlyDictionary<string, string> Metadata(string path) =>
        Read(path).MetadataProps.ToDictionary(p => p.Key, p => p.Value);

    /// <summary>A network of the model's own architecture with the model's weights.</summary>
    public static EmotionNet Create(string path)
    {
        var architecture = Metadata(path).GetValueOrDefault(OnnxExporter.ArchitectureKey)
            ?? throw new InvalidDataException($"{path} names no architecture in its metadata: it was not exported by FerMusic's trainer.");
        var model = Architectures.Get(architecture).Create(EmotionLabels.Count);
        Load(model, path);
        return model;
    }

    private static ModelProto Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model file not found: {path}", path);
        }
        try
        {
            return ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"{path} is not an ONNX model ({e.Message}).");
        }
    }

    public static void Load(EmotionNet model, string path)
    {
        var proto = Read(path);
        var architecture = proto.MetadataProps.FirstOrDefault(p => p.Key == OnnxExporter.ArchitectureKey)?.Value;
        if (architecture != model.Architecture)
        {
            throw new InvalidDataException(architecture is null
                ? $"{path} names no architecture in its metadata: it was not exported by FerMusic's trainer."
                : $"{path} is a '{architecture}' model, not '{model.Architecture}'; use --arch {architecture}.");
        }

        var initializers = proto.Graph.Initializer.ToDictionary(i => i.Name);
        var names = new OnnxGraphBuilder();
        model.Export(names, ModelContract.InputName);
        using var noGrad = no_grad();
        foreach (var (name, target) in names.TensorInitializers)
        {
            if (!initializers.TryGetValue(name, out var stored) || stored.DataType != (int)TensorProto.Types.DataType.Float ||
                !stored.Dims.SequenceEqual(target.shape) || stored.RawData.Length != target.numel() * sizeof(float))
            {
                throw new InvalidDataException(
                    $"{path} has no float tensor '{name}' of shape [{string.Join(",", target.shape)}] as a '{architecture}' model of this trainer has.");
            }
            using var values = tensor(MemoryMarshal.Cast<byte, float>(stored.RawData.Span).ToArray(), target.shape);
            target.copy_(values);
        }
    }
}
