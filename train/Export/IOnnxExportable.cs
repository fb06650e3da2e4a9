namespace FerMusic.Train.Export;

/// <summary>A layer that can write itself into an ONNX graph in inference form.</summary>
public interface IOnnxExportable
{
    /// <returns>The name of the layer's output value in the graph.</returns>
    string Export(OnnxGraphBuilder graph, string input);
}
