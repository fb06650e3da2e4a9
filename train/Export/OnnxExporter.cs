using FerMusic.Core;
using FerMusic.Core.Fer2013;
using FerMusic.Core.Model;
using FerMusic.Train.Models;
using Onnx;
using ProtobufMessages = Google.Protobuf.MessageExtensions;

namespace FerMusic.Train.Export;

/// <summary>
/// Writes an <see cref="EmotionNet"/> as an ONNX model honouring <see cref="ModelContract"/>: raw-pixel input
/// <c>input</c> [N,1,48,48], normalisation and softmax inside the graph, output <c>probabilities</c> [N,classes],
/// and metadata with the labels and face margin.
/// </summary>
public static class OnnxExporter
{
    public const int Opset = 13;

    /// <summary>Metadata key of the architecture's name (see <see cref="Models.Architectures"/>).</summary>
    public const string ArchitectureKey = "architecture";

    public static void Export(EmotionNet model, string path, IReadOnlyDictionary<string, string>? extraMetadata = null) =>
        Export([model], path, extraMetadata);

    /// <summary>
    /// Writes several networks as one model: each computes its logits from the same input, the logits are averaged
    /// (the geometric mean of the members' probabilities) and the softmax of the average is the output.
    /// </summary>
    public static void Export(IReadOnlyList<EmotionNet> members, string path, IReadOnlyDictionary<string, string>? extraMetadata = null)
    {
        var bytes = ToBytes(members, extraMetadata);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        File.WriteAllBytes(path, bytes);
    }

    public static byte[] ToBytes(EmotionNet model, IReadOnlyDictionary<string, string>? extraMetadata = null) => ToBytes([model], extraMetadata);

    public static byte[] ToBytes(IReadOnlyList<EmotionNet> members, IReadOnlyDictionary<string, string>? extraMetadata = null)
    {
        if (members.Count == 0)
        {
            throw new ArgumentException("A model needs at least one network.", nameof(members));
        }
        var wasTraining = members.Select(m => m.training).ToArray();
        foreach (var member in members)
        {
            member.eval();
        }
        try
        {
            var builder = new OnnxGraphBuilder();
            var memberLogits = members.Select(member => member.Export(builder, ModelContract.InputName)).ToList();
            var logits = memberLogits.Count == 1 ? memberLogits[0] : builder.Node("Mean", memberLogits);
            var probabilities = builder.Node("Softmax", [logits], OnnxGraphBuilder.Int("axis", 1));
            builder.RenameOutput(probabilities, ModelContract.OutputName);

            var graph = builder.Graph;
            graph.Input.Add(FloatTensor(ModelContract.InputName, "N", 1, ModelContract.ImageSize, ModelContract.ImageSize));
            graph.Output.Add(FloatTensor(ModelContract.OutputName, "N", EmotionLabels.Count));

            var proto = new ModelProto
            {
                IrVersion = 8,
                ProducerName = "FerMusic",
                ProducerVersion = typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "0",
                Graph = graph,
            };
            proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
            foreach (var (key, value) in Metadata(members, extraMetadata))
            {
                proto.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
            }
            return ProtobufMessages.ToByteArray(proto);
        }
        finally
        {
            for (var i = 0; i < members.Count; i++)
            {
                members[i].train(wasTraining[i]);
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Metadata(IReadOnlyList<EmotionNet> members, IReadOnlyDictionary<string, string>? extra)
    {
        var metadata = new Dictionary<string, string>
        {
            [ModelContract.LabelsKey] = EmotionLabels.Joined,
            [ModelContract.FaceMarginKey] = ModelContract.DefaultFaceMargin.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ModelContract.FaceFramingKey] = Fer2013Framing.Measured.ToJson(),
            [ArchitectureKey] = members.Count == 1 ? members[0].Architecture : $"ensemble({string.Join(",", members.Select(m => m.Architecture))})",
            ["parameters"] = members.Sum(m => m.ParameterCount).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["multiply_adds"] = members.Sum(m => m.MultiplyAdds()).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            metadata[key] = value;
        }
        return metadata;
    }

    private static ValueInfoProto FloatTensor(string name, string batchDim, params long[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = batchDim });
        foreach (var dim in dims)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = dim });
        }
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto
            {
                TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape },
            },
        };
    }
}
