using Google.Protobuf;
using Onnx;
using TorchTensor = TorchSharp.torch.Tensor;

namespace FerMusic.Train.Export;

/// <summary>Collects the nodes and initializers of an ONNX graph, giving every value a unique name.</summary>
public sealed class OnnxGraphBuilder
{
    private readonly Dictionary<string, int> _counters = [];

    private readonly List<(string Name, TorchTensor Source)> _tensorInitializers = [];

    public GraphProto Graph { get; } = new() { Name = "fermusic" };

    /// <summary>The initializers copied from TorchSharp tensors, with the tensor each came from, in graph order.</summary>
    public IReadOnlyList<(string Name, TorchTensor Source)> TensorInitializers => _tensorInitializers;

    public string UniqueName(string prefix)
    {
        _counters.TryGetValue(prefix, out var n);
        _counters[prefix] = n + 1;
        return $"{prefix}_{n}";
    }

    /// <summary>Adds a float32 constant copied from a TorchSharp tensor.</summary>
    public string Initializer(string prefix, TorchTensor tensor)
    {
        using var values = tensor.detach().cpu().contiguous();
        var name = Initializer(prefix, values.data<float>().ToArray(), values.shape);
        _tensorInitializers.Add((name, tensor));
        return name;
    }

    public string Initializer(string prefix, float[] values, params long[] dims)
    {
        var name = UniqueName(prefix);
        var proto = new TensorProto
        {
            Name = name,
            DataType = (int)TensorProto.Types.DataType.Float,
            RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan())),
        };
        proto.Dims.AddRange(dims);
        Graph.Initializer.Add(proto);
        return name;
    }

    /// <returns>The name of the node's single output.</returns>
    public string Node(string opType, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        var output = UniqueName(opType.ToLowerInvariant());
        var node = new NodeProto { OpType = opType, Name = UniqueName("node_" + opType) };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
        return output;
    }

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    /// <summary>Renames the producer of <paramref name="value"/> so that its output carries <paramref name="name"/>.</summary>
    public void RenameOutput(string value, string name)
    {
        foreach (var node in Graph.Node)
        {
            for (var i = 0; i < node.Output.Count; i++)
            {
                if (node.Output[i] == value)
                {
                    node.Output[i] = name;
                }
            }
        }
    }
}
