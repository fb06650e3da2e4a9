using FerMusic.Core;
using Onnx;
using FerMusic.Core.Model;

namespace FerMusic.Tests;

/// <summary>
/// Small hand-built ONNX models: a linear classifier that honours the contract (its weights decide the answers
/// exactly), and variants that break it.
/// </summary>
public static class TinyModels
{
    /// <summary>Softmax(Flatten(input) * weights^T + bias): with zero weights it always predicts the largest bias.</summary>
    public static byte[] Linear(float[] bias, float[]? weights = null, string inputName = ModelContract.InputName,
        string? labels = "angry,disgust,fear,happy,sad,surprise,neutral", long side = ModelContract.ImageSize,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        var classes = bias.Length;
        var graph = new GraphProto { Name = "tiny" };
        graph.Initializer.Add(Tensor("w", weights ?? new float[classes * side * side], classes, side * side));
        graph.Initializer.Add(Tensor("b", bias, classes));
        graph.Node.Add(Node("Flatten", [inputName], "flat", new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 }));
        graph.Node.Add(Node("Gemm", ["flat", "w", "b"], "logits", new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 }));
        graph.Node.Add(Node("Softmax", ["logits"], ModelContract.OutputName, new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 }));
        graph.Input.Add(Value(inputName, 1, side, side));
        graph.Output.Add(Value(ModelContract.OutputName, classes));
        var model = new ModelProto { IrVersion = 8, Graph = graph, ProducerName = "tests" };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        if (labels is not null)
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = ModelContract.LabelsKey, Value = labels });
        }
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }
        return Google.Protobuf.MessageExtensions.ToByteArray(model);
    }

    /// <summary>Seven classes; always predicts <paramref name="emotion"/>.</summary>
    public static byte[] AlwaysPredicts(Emotion emotion)
    {
        var bias = new float[7];
        bias[(int)emotion] = 5;
        return Linear(bias);
    }

    public static string Save(byte[] model, string path)
    {
        File.WriteAllBytes(path, model);
        return path;
    }

    private static TensorProto Tensor(string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        return tensor;
    }

    private static NodeProto Node(string op, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = op + "_" + output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        return node;
    }

    private static ValueInfoProto Value(string name, params long[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
        foreach (var d in dims)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
